// Files that belong somewhere regauth may not write (/etc on another machine, root-owned
// directories) are staged under the output directory; the review shows how to put them in place.
import {shellJoin} from '../formats/shell-quote.js';

/** `install` creates the missing directories (0755, root's) and sets mode and owner in one step. */
export function installCommand(staged: string, destination: string, mode: string): string {
	return `sudo ${shellJoin(['install', '-D', '-m', mode, '-o', 'root', '-g', 'root', staged, destination])}`;
}
