// `npm start`: the CLI, rebuilt first only when its sources changed (a rebuild costs seconds; a start
// with nothing changed runs dist/cli.js in this same process, with the arguments given after --).
import {ensureCli} from './ensure-cli.js';

await ensureCli();
await import('../dist/cli.js');
