// doctor compares the docker daemon's proxy (systemd drop-ins, daemon.json) and the containers'
// proxy (~/.docker/config.json) with this shell's. The system files are read under a temporary
// root here, so nothing is written to /etc; the CLI test uses only files under its own HOME.

import assert from 'node:assert/strict';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {dropInEnvironment, parseEnvironmentValue, readProxyFacts} from '../../source/doctor/proxy-facts.js';
import {effectiveProxy, proxyFindings} from '../../source/doctor/proxy-mismatch.js';
import {emptyEnvironment} from '../../source/environment.js';
import {cleanEnv, runCli} from '../support/run-cli.js';
import {tempDir} from '../support/temp.js';

function write(path: string, text: string) {
	mkdirSync(join(path, '..'), {recursive: true});
	writeFileSync(path, text, {mode: 0o600});
}

test('systemd Environment= values: quoting, escapes, several per line; later lines and files win; empty clears', () => {
	assert.deepEqual(parseEnvironmentValue(`"HTTP_PROXY=http://u:p%%23w@p:3128" 'NO_PROXY=a, b' HTTPS_PROXY=http://q\\ x:1 junk`), [
		['HTTP_PROXY', 'http://u:p%23w@p:3128'],
		['NO_PROXY', 'a, b'],
		['HTTPS_PROXY', 'http://q x:1'],
	]);
	const env = dropInEnvironment([
		{text: '[Service]\nEnvironment="HTTPS_PROXY=http://old:1"\n'},
		{text: '[Unit]\nEnvironment="HTTPS_PROXY=http://not-service:1"\n[Service]\nEnvironment="HTTPS_PROXY=http://new:1" \\\n  "NO_PROXY=.corp"\n'},
	]);
	assert.deepEqual(env, {HTTPS_PROXY: 'http://new:1', NO_PROXY: '.corp'});
	assert.deepEqual(dropInEnvironment([{text: '[Service]\nEnvironment="HTTPS_PROXY=http://p:1"\nEnvironment=\n'}]), {});
	assert.deepEqual(effectiveProxy({https_proxy: 'http://low:1', HTTPS_PROXY: '', NO_PROXY: 'x'}), {httpsProxy: 'http://low:1', httpProxy: '', noProxy: 'x'});
});

test('daemon vs shell: a proxy only in the shell, only in the daemon, different ones; equal ones are fine; passwords masked', async () => {
	const root = tempDir();
	const home = join(root, 'home');
	const env = emptyEnvironment({home, vars: {DOCKER_CONFIG: join(home, '.docker')}});
	const dropIn = join(root, 'etc/systemd/system/docker.service.d/http-proxy.conf');
	write(join(root, 'lib/systemd/system/docker.service'), '[Service]\nExecStart=/usr/bin/dockerd\n');

	// No proxy anywhere: nothing to say.
	assert.deepEqual(proxyFindings(await readProxyFacts(env, {root, vars: {}})), []);

	// The shell has one, the daemon none: the fix is the drop-in, with the password masked.
	const onlyShell = proxyFindings(await readProxyFacts(env, {root, vars: {HTTPS_PROXY: 'http://u:s3cret@proxy.corp:3128', NO_PROXY: '.corp'}}));
	assert.equal(onlyShell.length, 1);
	assert.equal(onlyShell[0]!.path, dropIn);
	assert.equal(
		onlyShell[0]!.message,
		`the docker daemon's proxy differs from this shell's (HTTPS_PROXY none there, http://u:***@proxy.corp:3128 in this shell; NO_PROXY "none" there, ".corp" in this shell): docker login and regauth's check take one way, docker pull the other`,
	);
	assert.equal(
		onlyShell[0]!.fix,
		`Set Environment="HTTPS_PROXY=http://u:***@proxy.corp:3128" "NO_PROXY=.corp" in ${dropIn}, then: systemctl daemon-reload && systemctl restart docker (or export the daemon's values in the shell).`,
	);
	assert.ok(!JSON.stringify(onlyShell).includes('s3cret'));

	// The same proxy in both (case and a trailing slash aside, NO_PROXY order aside): fine.
	write(dropIn, '[Service]\nEnvironment="HTTPS_PROXY=http://proxy.corp:3128/" "NO_PROXY=b.corp,.corp"\n');
	assert.deepEqual(proxyFindings(await readProxyFacts(env, {root, vars: {https_proxy: 'http://PROXY.corp:3128', no_proxy: '.corp, b.corp'}})), []);

	// The daemon has one, the shell none.
	const onlyDaemon = proxyFindings(await readProxyFacts(env, {root, vars: {}}));
	assert.equal(onlyDaemon.length, 1);
	assert.match(onlyDaemon[0]!.message, /HTTPS_PROXY http:\/\/proxy\.corp:3128 there, none in this shell/);
	assert.match(onlyDaemon[0]!.fix, /^Export the daemon's proxy in this shell/);

	// daemon.json "proxies" win over the unit.
	write(join(root, 'etc/docker/daemon.json'), JSON.stringify({proxies: {'https-proxy': 'http://other.corp:8080', 'no-proxy': '.corp,b.corp'}}));
	const json = proxyFindings(await readProxyFacts(env, {root, vars: {HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: '.corp,b.corp'}}));
	assert.equal(json.length, 1);
	assert.equal(json[0]!.path, join(root, 'etc/docker/daemon.json'));
	assert.match(json[0]!.message, /HTTPS_PROXY http:\/\/other\.corp:8080 there, http:\/\/proxy\.corp:3128 in this shell\)/);
});

test('no docker daemon configured: no daemon finding; rootless docker: the user unit is read', async () => {
	const root = tempDir();
	const home = join(root, 'home');
	const env = emptyEnvironment({home, vars: {DOCKER_CONFIG: join(home, '.docker')}});
	assert.deepEqual(proxyFindings(await readProxyFacts(env, {root, vars: {HTTPS_PROXY: 'http://p:1'}})), []);
	write(join(home, '.config/systemd/user/docker.service.d/proxy.conf'), '[Service]\nEnvironment=HTTPS_PROXY=http://q:2\n');
	const rootless = proxyFindings(await readProxyFacts(env, {root, vars: {HTTPS_PROXY: 'http://p:1'}}));
	assert.equal(rootless.length, 1);
	assert.equal(rootless[0]!.path, join(home, '.config/systemd/user/docker.service.d/proxy.conf'));
});

test('regauth doctor: ~/.docker/config.json "proxies" that differ from the shell are reported (exit 1); matching ones are not', async () => {
	const dir = tempDir();
	const dockerConfig = join(dir, 'docker');
	write(join(dockerConfig, 'config.json'), JSON.stringify({auths: {}, proxies: {default: {httpsProxy: 'http://proxy.corp:3128', noProxy: '.corp'}}}));
	const env = (extra: NodeJS.ProcessEnv) => cleanEnv(join(dir, 'home'), {DOCKER_CONFIG: dockerConfig, ...extra});
	const differ = await runCli(['doctor', '--json'], {env: env({HTTPS_PROXY: 'http://elsewhere:8080', NO_PROXY: '.corp'})});
	const findings = JSON.parse(differ.stdout).findings.filter((finding: {path: string}) => finding.path === join(dockerConfig, 'config.json'));
	assert.equal(differ.code, 1, differ.stderr);
	assert.deepEqual(findings, [
		{
			id: 'proxy-mismatch',
			level: 'warning',
			path: join(dockerConfig, 'config.json'),
			message: '"proxies" for containers and builds differ from this shell\'s (HTTPS_PROXY http://proxy.corp:3128 there, http://elsewhere:8080 in this shell)',
			fix: `Make proxies.default (httpsProxy, httpProxy, noProxy) in ${join(dockerConfig, 'config.json')} match the network containers run in.`,
		},
	]);
	const same = await runCli(['doctor', '--json'], {env: env({HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: '.corp'})});
	assert.ok(!JSON.parse(same.stdout).findings.some((finding: {path: string}) => finding.path === join(dockerConfig, 'config.json')), same.stdout);
});
