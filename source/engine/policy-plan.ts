import {compilePolicy, sliceOf, type ActionSlice} from './compile-policy.js';
import type {PolicySet, PolicySlot} from './evaluation.js';
import type {Policy} from './policy.js';

/*
 * A policy set a caller evaluates again and again, planned for one action: each of its policies' slices (the
 * statements covering the action) in the order the layers read the policies. Reaching a slice through its policy,
 * the policy's compiled form and its list of actions costs a cache miss at every step, and with a few hundred sets
 * in memory those misses, not the matching, are most of an evaluation's time. The plan holds the policies it was
 * made from, and a layer uses a slice only where the slot still holds that very policy; where it does not, it reads
 * the policy the long way and the plan is made again. A set seen once (the diagnosis builds a new one for every
 * question) gets no plan.
 */

/** Where each kind of policy starts among a plan's slots (`slots`: the set's slots in the order the layers read them). */
type Offsets = {readonly identity: number; readonly resource: number; readonly boundary: number; readonly session: number; readonly scp: number; readonly rcp: number};

/** One action's slices, beside the slots they were made from. */
export type ActionPlan = {
	readonly set: SetPlan;
	readonly slots: readonly PolicySlot[];
	readonly slices: readonly (ActionSlice | undefined)[];
	/**
	 * By slot, the verdict on a policy that says the same to every request, once known: kept here, for this set's own
	 * policy, since its compiled form (and the verdict kept with it) may be shared with an equal policy of another set.
	 */
	readonly fixed: unknown[];
	readonly offsets: Offsets;
};

type SetPlan = {
	/** Seen once (a plan is made at the second evaluation), or a slot no longer held the policy a plan was made from. */
	stale: boolean;
	slots: readonly PolicySlot[];
	offsets: Offsets;
	actionIds: readonly number[];
	actions: readonly ActionPlan[];
};

const plans = new WeakMap<PolicySet, SetPlan>();
const noSlots: readonly PolicySlot[] = Object.freeze([]);
const noIds: readonly number[] = Object.freeze([]);
const noActions: readonly ActionPlan[] = Object.freeze([]);
const noOffsets: Offsets = Object.freeze({identity: 0, resource: 0, boundary: 0, session: 0, scp: 0, rcp: 0});
// A set asked about every action must not grow without bound.
const actionLimit = 64;

const isSlotList = (value: PolicySet['identity']): value is readonly PolicySlot[] => Array.isArray(value);

/** The set's slots in the order the layers read them, and where each kind starts. */
const slotsOf = (policies: PolicySet): {slots: PolicySlot[]; offsets: Offsets} => {
	const slots: PolicySlot[] = [];
	const identity = 0;
	if (isSlotList(policies.identity)) slots.push(...policies.identity);
	const resource = slots.length;
	slots.push(policies.resource ?? null);
	const boundary = slots.length;
	slots.push(policies.boundary ?? null);
	const session = slots.length;
	slots.push(policies.session ?? null);
	const scp = slots.length;
	if (Array.isArray(policies.scp)) for (const level of policies.scp as readonly (readonly PolicySlot[])[]) slots.push(...level);
	const rcp = slots.length;
	if (Array.isArray(policies.rcp)) for (const level of policies.rcp as readonly (readonly PolicySlot[])[]) slots.push(...level);
	return {slots, offsets: {identity, resource, boundary, session, scp, rcp}};
};

const isPolicy = (slot: PolicySlot): slot is Policy => slot !== null && (slot as {unread?: unknown}).unread !== true;

const actionPlan = (set: SetPlan, action: string, actionId: number): ActionPlan => ({
	set,
	slots: set.slots,
	offsets: set.offsets,
	slices: set.slots.map(slot => (isPolicy(slot) ? sliceOf(compilePolicy(slot), action, actionId) : undefined)),
	fixed: new Array<unknown>(set.slots.length).fill(undefined),
});

/** The plan of `policies` for the action numbered `actionId` (see `actionIdOf`); none for a set seen once or an action without a number. */
export const planOf = (policies: PolicySet, action: string, actionId: number): ActionPlan | undefined => {
	if (actionId < 0) return undefined;
	let set = plans.get(policies);
	if (set === undefined) {
		plans.set(policies, {stale: true, slots: noSlots, offsets: noOffsets, actionIds: noIds, actions: noActions});
		return undefined;
	}
	if (set.stale) {
		const {slots, offsets} = slotsOf(policies);
		set = {stale: false, slots, offsets, actionIds: noIds, actions: noActions};
		plans.set(policies, set);
	}
	const ids = set.actionIds;
	for (let index = 0; index < ids.length; index++) if (ids[index] === actionId) return set.actions[index];
	const plan = actionPlan(set, action, actionId);
	const full = ids.length >= actionLimit;
	set.actionIds = full ? [actionId] : ids.concat(actionId);
	set.actions = full ? [plan] : set.actions.concat(plan);
	return plan;
};

/**
 * The slice of the policy in `slot`, the plan's `position`-th slot, if the plan was made from that very policy;
 * `undefined` when there is no plan, or the slot is not a policy (no policy, unread), or holds another (then the
 * plan is made again at the next evaluation).
 */
export const plannedSlice = (plan: ActionPlan | undefined, position: number, slot: PolicySlot): ActionSlice | undefined => {
	if (plan === undefined) return undefined;
	if (plan.slots[position] === slot) return plan.slices[position];
	plan.set.stale = true;
	return undefined;
};
