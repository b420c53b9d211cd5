// plan() at scale: 1, 10 and 50 registries × 1 and 20 namespaces, every target, merging into an
// existing docker config. Goal: ≤ 50 ms for 50 × 20, and time per artifact about flat (growth no
// worse than linear in artifacts). Runs the TypeScript source through tsx (same code as dist/).
import {type Answers, defaultAnswers, TARGET_IDS} from '../source/answers.js';
import {type Environment, emptyEnvironment} from '../source/environment.js';
import {plan} from '../source/plan.js';
import {median, summary} from './lib/stats.mjs';

function answers(registries: number, namespaces: number): Answers {
	const result = defaultAnswers();
	result.targets = [...TARGET_IDS];
	result.keychain = {kind: 'regauth'};
	result.credentials = Array.from({length: registries}, (_, index) => ({
		registry: `reg${index + 1}.example.test:5000`,
		username: `robot${index + 1}`,
		password: `token-${index + 1}-${'x'.repeat(40)}`,
		email: '',
	}));
	result.kubernetes.namespaces = Array.from({length: namespaces}, (_, index) => `team-${index + 1}`);
	return result;
}

// A config.json with other logins already in it, as on a developer's machine: the docker and
// podman artifacts are merges.
function environment(): Environment {
	const auths = Object.fromEntries(
		Array.from({length: 8}, (_, index) => [`old${index}.example.org`, {auth: Buffer.from(`u${index}:p${index}`).toString('base64')}]),
	);
	const config = `${JSON.stringify({auths, credsStore: 'desktop', currentContext: 'default'}, null, '\t')}\n`;
	return emptyEnvironment({
		home: '/home/dev',
		cwd: '/work',
		helpers: ['secretservice'],
		files: {'/home/dev/.docker/config.json': {exists: true, text: config, mode: 0o600}},
	});
}

const env = environment();
const rows: {registries: number; namespaces: number; artifacts: number; ms: number}[] = [];
console.log('plan scale: plan() with every target, per size (median over repeated runs after warm-up)');
for (const registries of [1, 10, 50]) {
	for (const namespaces of [1, 20]) {
		const input = answers(registries, namespaces);
		const coldStart = performance.now();
		plan(input, env);
		const cold = performance.now() - coldStart;
		for (let warm = 0; warm < 5; warm++) plan(input, env);
		const samples: number[] = [];
		const started = performance.now();
		let artifacts = 0;
		while (samples.length < 15 || (performance.now() - started < 500 && samples.length < 200)) {
			const before = performance.now();
			artifacts = plan(input, env).artifacts.length;
			samples.push(performance.now() - before);
		}
		rows.push({registries, namespaces, artifacts, ms: median(samples)});
		console.log(
			`  ${String(registries).padStart(2)} registries × ${String(namespaces).padStart(2)} namespaces: ${String(artifacts).padStart(3)} artifacts, ${summary(samples, 'ms', 2)}, ${((1000 * median(samples)) / artifacts).toFixed(0)} µs/artifact, first call ${cold.toFixed(1)} ms`,
		);
	}
}
const largest = rows.at(-1)!;
const smallest = rows[0]!;
console.log(`  goal ≤ 50 ms for 50 × 20: ${largest.ms.toFixed(1)} ms (${largest.ms <= 50 ? 'met' : 'NOT met'})`);
const perArtifact = (row: (typeof rows)[number]) => row.ms / row.artifacts;
console.log(
	`  growth: time per artifact at 50 × 20 is ${(perArtifact(largest) / perArtifact(smallest)).toFixed(2)}× that at 1 × 1 (≤ 1 means no worse than linear)`,
);
