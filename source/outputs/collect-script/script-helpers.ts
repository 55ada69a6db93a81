import {calls, fileNameLimit, manifestFile, namePartAround} from '../../inputs/bundle/bundle-layout.js';
import {kmsPageLimit} from '../../snapshot/aws-answers/index.js';
import {collectLine} from './shell.js';

/** The script's shell functions. They only read AWS through `collect`, which only runs what it is given. */
export const scriptHelpers = `
# ---- Helpers ----

# collect FILE PERMISSION SERVICE COMMAND ARGS...: runs one read-only AWS CLI call.
# Its answer goes to FILE.json, its error output to FILE.stderr, its exit status to FILE.exit,
# and a line to ${manifestFile}. A failure is recorded and the script goes on.
collect() {
	c_file=$1
	c_permission=$2
	shift 2
	if [ -n "$call_region" ]; then
		aws "$@" --region "$call_region" --output json <"/dev/null" >"$bundle/$c_file.json" 2>"$bundle/$c_file.stderr"
	else
		aws "$@" --output json <"/dev/null" >"$bundle/$c_file.json" 2>"$bundle/$c_file.stderr"
	fi
	c_status=$?
	printf '%s\\n' "$c_status" >"$bundle/$c_file.exit"
	printf '%s\\t%s\\t%s\\taws %s\\n' "$c_file" "$c_status" "$c_permission" "$*" >>"$manifest"
	if [ "$c_status" -eq 0 ]; then
		printf '  ok      %s\\n' "$c_file"
	else
		printf '  failed  %s: %s\\n' "$c_file" "$(grep -v '^[[:space:]]*$' "$bundle/$c_file.stderr" | head -n 1)"
	fi
	return "$c_status"
}

# skip AREA REASON: records in the manifest why a part was not collected.
skip() {
	printf '%s\\tskipped\\t-\\t%s\\n' "$1" "$2" >>"$manifest"
	printf '  skipped %s: %s\\n' "$1" "$2"
}

# json_values NAME FILE: each string value of "NAME": "..." in an AWS CLI JSON answer, one a line.
json_values() {
	sed -n 's/^[[:space:]]*"'"$1"'": "\\(.*\\)",\\{0,1\\}[[:space:]]*$/\\1/p' "$2" 2>/dev/null
}

# json_list NAME FILE: the strings of the list "NAME": [ ... ], one a line.
json_list() {
	awk -v name="\\"$1\\": [" '
		index($0, name) { inside = ($0 !~ /\\]/); next }
		inside && /^[[:space:]]*\\]/ { inside = 0; next }
		inside { line = $0; sub(/^[[:space:]]*"/, "", line); sub(/",?[[:space:]]*$/, "", line); print line }
	' "$2" 2>/dev/null
}

# safe_name VALUE: a name or ARN made safe for a file name.
safe_name() {
	printf '%s' "$1" | tr -c 'A-Za-z0-9._=+@,-' '_'
}

# name_part VALUE AROUND always|when-cut [MARK]: VALUE's part of a file name whose other parts take AROUND bytes: its
# safe name, then (always) MARK (default .) and the cksum of the whole VALUE. Where the name would pass ${fileNameLimit} bytes
# ("File name too long"), the safe name is cut to fit and MARK and the cksum follow it, so values cut alike keep their own files.
name_part() {
	n_safe=$(safe_name "$1")
	n_sum=\${4:-.}$(printf '%s' "$1" | cksum | awk '{ print $1 }')
	n_room=$((${fileNameLimit} - $2))
	n_whole=$n_safe
	[ "$3" != always ] || n_whole=$n_safe$n_sum
	if [ "\${#n_whole}" -le "$n_room" ]; then
		printf '%s' "$n_whole"
	else
		printf '%s%s' "$(printf '%s' "$n_safe" | awk -v keep="$((n_room - \${#n_sum}))" '{ printf "%s", substr($0, 1, keep) }')" "$n_sum"
	fi
}

# policy_file ARN: a managed policy's part of its file names, its safe name and the cksum of the whole ARN:
# policy/a/b and policy/a_b have one safe name, and each its own file.
policy_file() {
	name_part "$1" ${namePartAround.managedPolicy} always
}

# collect_managed_policy ARN: a managed policy and the document of its default version (once).
collect_managed_policy() {
	m_file=$(policy_file "$1")
	[ ! -e "$bundle/${calls.getPolicy.stem}.$m_file.json" ] || return 0
${collectLine('getPolicy', `"${calls.getPolicy.stem}.$m_file"`, 'iam get-policy --policy-arn "$1"', '\t')} || return 0
	m_version=$(json_values DefaultVersionId "$bundle/${calls.getPolicy.stem}.$m_file.json" | head -n 1)
	[ -n "$m_version" ] || return 0
${collectLine('getPolicyVersion', `"${calls.getPolicyVersion.stem}.$m_file"`, 'iam get-policy-version --policy-arn "$1" --version-id "$m_version"', '\t')}
}

# collect_key PREFIX KEY: a KMS key's description, key policy, grants and aliases.
collect_key() {
	k_prefix=$1
	k_saved_region=$call_region
	case $2 in arn:*) call_region=$(printf '%s' "$2" | cut -d: -f4) ;; esac
${collectLine('describeKey', `"\${k_prefix}${calls.describeKey.stem}"`, 'kms describe-key --key-id "$2"', '\t')}
	k_arn=$(json_values Arn "$bundle/\${k_prefix}${calls.describeKey.stem}.json" | head -n 1)
	[ -n "$k_arn" ] || k_arn=$2
${collectLine('getKeyPolicy', `"\${k_prefix}${calls.getKeyPolicy.stem}"`, 'kms get-key-policy --key-id "$k_arn" --policy-name default', '\t')}
${collectLine('listGrants', `"\${k_prefix}${calls.listGrants.stem}"`, `kms list-grants --key-id "$k_arn" --page-size ${kmsPageLimit}`, '\t')}
${collectLine('listAliases', `"\${k_prefix}${calls.listAliases.stem}"`, `kms list-aliases --key-id "$k_arn" --page-size ${kmsPageLimit}`, '\t')}
	call_region=$k_saved_region
}

# add_org_account ACCOUNT: adds an account to walk up the organization from (once).
add_org_account() {
	case " $org_accounts " in
		*" $1 "*) ;;
		*) [ -z "$1" ] || org_accounts="$org_accounts $1" ;;
	esac
}

# collect_target_policies TARGET: the SCPs and RCPs attached to an account, OU or root, and their documents.
collect_target_policies() {
	for t_filter in SERVICE_CONTROL_POLICY RESOURCE_CONTROL_POLICY; do
		t_file="${calls.listPoliciesForTarget.stem}.$t_filter.$(safe_name "$1")"
		[ ! -e "$bundle/$t_file.json" ] || continue
${collectLine('listPoliciesForTarget', '"$t_file"', 'organizations list-policies-for-target --target-id "$1" --filter "$t_filter"', '\t\t')} || continue
		json_values Id "$bundle/$t_file.json" | while IFS= read -r t_policy; do
			[ ! -e "$bundle/${calls.describePolicy.stem}.$(safe_name "$t_policy").json" ] || continue
${collectLine('describePolicy', `"${calls.describePolicy.stem}.$(safe_name "$t_policy")"`, 'organizations describe-policy --policy-id "$t_policy"', '\t\t\t')}
		done
	done
}

# walk_organization ACCOUNT: from an account up through its OUs to the root, collecting each level's policies.
walk_organization() {
	w_child=$1
	w_depth=0
	while [ -n "$w_child" ] && [ "$w_depth" -lt 10 ]; do
		collect_target_policies "$w_child"
		w_file="${calls.listParents.stem}.$(safe_name "$w_child")"
		if [ ! -e "$bundle/$w_file.json" ]; then
${collectLine('listParents', '"$w_file"', 'organizations list-parents --child-id "$w_child"', '\t\t\t')} || return 0
		fi
		w_parent=$(json_values Id "$bundle/$w_file.json" | head -n 1)
		w_type=$(json_values Type "$bundle/$w_file.json" | head -n 1)
		if [ "$w_type" = ROOT ]; then
			collect_target_policies "$w_parent"
			return 0
		fi
		w_child=$w_parent
		w_depth=$((w_depth + 1))
	done
}
`;
