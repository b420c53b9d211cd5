// Installed as users install it: `npm pack` of the built checkout, then `npm install -g` of that
// tarball into a fresh prefix, and both programs run from the prefix's bin. The bundle carries
// every JavaScript dependency, so the install adds only keytar (native, optional) and its own.
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {tempDir} from '../support/temp.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	version: string;
	dependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
};

test('npm pack → npm install -g --prefix: regauth and docker-credential-regauth run; nothing bundled is installed again', {timeout: 170_000}, () => {
	const dir = tempDir();
	// --ignore-scripts: `prepare` would rebuild dist/ under the other tests' feet; npm test built it.
	const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {cwd: ROOT, encoding: 'utf8'})) as Array<{
		filename: string;
		files: Array<{path: string}>;
	}>;
	const files = packed[0]!.files.map(file => file.path);
	assert.ok(files.includes('dist/cli.cjs') && files.includes('dist/cli.js') && files.includes('dist/docker-credential-regauth.js'), files.join(', '));
	assert.deepEqual(
		files.filter(path => !path.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(path)),
		[],
		'only the bundle, package.json and the README are shipped',
	);

	const prefix = join(dir, 'prefix');
	const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, join(dir, packed[0]!.filename), '--no-audit', '--no-fund', '--prefer-offline'], {
		encoding: 'utf8',
		timeout: 160_000,
	});
	assert.equal(install.status, 0, install.stderr);

	const version = spawnSync(join(prefix, 'bin', 'regauth'), ['--version'], {encoding: 'utf8'});
	assert.equal(version.status, 0, version.stderr);
	assert.equal(version.stdout.trim(), pkg.version);
	const helper = spawnSync(join(prefix, 'bin', 'docker-credential-regauth'), ['version'], {encoding: 'utf8'});
	assert.equal(helper.status, 0, helper.stderr);
	assert.equal(helper.stdout.trim(), `docker-credential-regauth (regauth) ${pkg.version}`);
	const help = spawnSync(join(prefix, 'bin', 'regauth'), ['keychain', 'setup', '--help'], {encoding: 'utf8'});
	assert.equal(help.status, 0, help.stderr);

	// Runtime dependencies: only what cannot be bundled, both native and optional: keytar, and
	// node-pty, which only the tests use — optional so that a failed build never fails an install.
	assert.deepEqual(Object.keys(pkg.dependencies ?? {}), []);
	assert.deepEqual(Object.keys(pkg.optionalDependencies ?? {}), ['keytar', 'node-pty']);
	const installed = readdirSync(join(prefix, 'lib', 'node_modules', 'regauth', 'node_modules'));
	for (const bundled of ['ink', 'react', 'execa', 'yaml', 'diff', 'jsonc-parser', 'nanotar'])
		assert.ok(!installed.includes(bundled), `${bundled} was installed again`);
});
