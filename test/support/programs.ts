// Tests use the real programs (kubectl, docker, skopeo, gnome-keyring, docker-registry).
// .ci/run installs them; when one is missing the test fails and says how to get it,
// rather than passing without having run.
import {execFileSync} from 'node:child_process';

export function requireProgram(name: string, hint = 'run .ci/run (it installs every program the tests need)'): string {
	try {
		return execFileSync('sh', ['-c', `command -v ${name}`], {encoding: 'utf8'}).trim();
	} catch {
		throw new Error(`${name} is not installed: ${hint}.`);
	}
}
