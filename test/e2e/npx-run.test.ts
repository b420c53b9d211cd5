// Run without installing, as the README says: `npx --package=./regauth-<version>.tgz regauth …`
// from the packed tarball, both programs. npx unpacks the package into npm's cache (_npx/<hash>);
// the entry this test made is removed again afterwards.
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {tempDir} from '../support/temp.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

test('npx --package=./regauth-X.tgz runs regauth and docker-credential-regauth', {timeout: 170_000}, () => {
	const dir = tempDir();
	// --ignore-scripts: `prepare` would rebuild dist/ under the other tests' feet; npm test built it.
	const [packed] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {cwd: ROOT, encoding: 'utf8'})) as Array<{
		filename: string;
		version: string;
	}>;
	const npxDir = join(execFileSync('npm', ['config', 'get', 'cache'], {encoding: 'utf8'}).trim(), '_npx');
	after(() => {
		// Only the cache entries made for this tarball (its path is in their package.json).
		for (const name of existsSync(npxDir) ? readdirSync(npxDir) : []) {
			const manifest = join(npxDir, name, 'package.json');
			if (existsSync(manifest) && readFileSync(manifest, 'utf8').includes(dir)) rmSync(join(npxDir, name), {recursive: true, force: true});
		}
	});
	const npx = (program: string, ...args: string[]) =>
		spawnSync('npx', ['--yes', '--prefer-offline', `--package=./${packed!.filename}`, program, ...args], {cwd: dir, encoding: 'utf8', timeout: 160_000});
	const regauth = npx('regauth', '--version');
	assert.equal(regauth.status, 0, regauth.stderr);
	assert.equal(regauth.stdout.trim(), packed!.version);
	const helper = npx('docker-credential-regauth', 'version');
	assert.equal(helper.status, 0, helper.stderr);
	assert.equal(helper.stdout.trim(), `docker-credential-regauth (regauth) ${packed!.version}`);
});
