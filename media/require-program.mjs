// Fails early, naming the Debian package, when a program the media run needs is missing.
import {execFileSync} from 'node:child_process';

export function requireProgram(name, aptPackage, why) {
	try {
		execFileSync('sh', ['-c', 'command -v "$1"', 'sh', name], {stdio: 'ignore'});
	} catch {
		throw new Error(`${name} is not installed${why ? ` (${why})` : ''}: apt-get install ${aptPackage}`);
	}
}
