// Walks the built wizard in a pseudo-terminal to a given state, by keys, as a person would.
// Used by the keystroke and memory benchmarks; waits on what the screen shows, never on time.
export const KEY = {
	enter: '\r',
	escape: '\u001B',
	up: '\u001B[A',
	down: '\u001B[B',
	tab: '\t',
	backspace: '\u007F',
	ctrlC: '\u0003',
	space: ' ',
	preview: '\u0010',
};

// A step's key handlers subscribe in an effect that runs just after its first frame is drawn; a
// key sent in that gap is lost (a person cannot type that fast), so pause briefly after a change.
export const settle = () => new Promise(resolve => setTimeout(resolve, 40));
// Likewise each rendered key re-subscribes the handlers just after its frame: a key sent within
// that gap reaches the previous render's handler. Type like a fast person, not a paste.
const pause = () => new Promise(resolve => setTimeout(resolve, 15));

/** Ink redraws the whole frame; its last line is the key hints. Until that is drawn, the screen
 * is half old, half new. */
export function complete(screen) {
	const lines = screen.split('\n').filter(line => line.trim() !== '');
	return /Ctrl\+C (quit|cancel)/.test(lines.at(-1) ?? '');
}

/** Waits for a complete frame for which `test` (text, RegExp or predicate) holds. */
export function waitFrame(run, test, timeoutMs) {
	const predicate = typeof test === 'string' ? screen => screen.includes(test) : test instanceof RegExp ? screen => test.test(screen) : test;
	return run.waitFor(screen => complete(screen) && predicate(screen), timeoutMs);
}

const escapeRegExp = text => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Types text one key at a time, waiting for each to reach the screen (inside `field`'s line). */
export async function typeInto(run, label, before, text) {
	let value = before;
	for (const character of text) {
		value += character;
		run.write(character);
		await waitFrame(run, new RegExp(`${escapeRegExp(label)}\\s+${escapeRegExp(value)}(\\s|$)`, 'm'));
		await pause();
	}
}

const selectedLine = run =>
	run
		.screen()
		.split('\n')
		.find(row => row.includes('❯')) ?? '';

/** Presses `key` until the highlighted (❯) line matches. */
export async function select(run, pattern, key = KEY.down) {
	for (let presses = 0; presses < 30 && !pattern.test(selectedLine(run)); presses++) {
		const before = selectedLine(run);
		run.write(key);
		await waitFrame(run, () => selectedLine(run) !== before);
	}
	if (!pattern.test(selectedLine(run))) throw new Error(`no item matches ${pattern}:\n${run.screen()}`);
}

/** The first screen → `count` registries added through "Other registry…" (reg1.example.test …), checks off. */
export async function addRegistries(run, count) {
	// Wait for the machine read: it can add a list item (the keychain's) under the cursor.
	await waitFrame(run, /Docker config\s+\S/);
	await waitFrame(run, 'Which registry?');
	await settle();
	for (let index = 1; index <= count; index++) {
		await select(run, /❯ (\+ )?Other registry…/, KEY.up);
		run.write(KEY.enter);
		await waitFrame(run, '› Registry');
		await settle();
		await typeInto(run, 'Registry', '', `reg${index}.example.test`);
		run.write(KEY.enter);
		await waitFrame(run, '› Username');
		await settle();
		await typeInto(run, 'Username', '', `user${index}`);
		run.write(KEY.enter);
		await waitFrame(run, '› Password/token');
		await settle();
		const token = `token-${index}-0123456789abcdef`;
		run.write(token);
		await waitFrame(run, `● ${token.length} characters typed`);
		run.write(KEY.enter);
		await waitFrame(run, '› Email');
		await settle();
		run.write(KEY.enter);
		await waitFrame(run, `Continue with ${index} registr`);
		await settle();
	}
}

export const TARGET_LABELS = ['Docker', 'Kubernetes', 'Podman', 'Flatcar', 'rkt', 'Mesos'];

/** On the registry list: Continue → targets, check exactly `wanted` (labels as on screen). */
export async function chooseTargets(run, wanted = TARGET_LABELS) {
	run.write(KEY.enter); // "Continue with N registries" is the first item
	await waitFrame(run, 'What should regauth configure?');
	await settle();
	const checked = () => /◉/.test(selectedLine(run));
	for (const [index, label] of TARGET_LABELS.entries()) {
		if (!selectedLine(run).includes(label)) throw new Error(`expected ${label} highlighted:\n${run.screen()}`);
		if (checked() !== wanted.includes(label)) {
			const before = checked();
			run.write(KEY.space);
			await waitFrame(run, () => checked() !== before);
			await settle();
		}
		if (index < TARGET_LABELS.length - 1) {
			const before = selectedLine(run);
			run.write(KEY.down);
			await waitFrame(run, () => selectedLine(run) !== before);
			await settle();
		}
	}
}
