// Go's proxy rules (golang.org/x/net/http/httpproxy), twice: as a table read from Go's source,
// and against Go itself — the real docker CLI logging in with the same environment while a real
// tinyproxy records which hosts it was asked to CONNECT to. Where regauth and docker disagree
// about a case, this test fails.

import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {test} from 'node:test';
import {proxyFor, redactProxy} from '../../source/verify/proxy-rules.js';
import {requireProgram} from '../support/programs.js';
import {startProxy} from '../support/proxy.js';
import {tempDir} from '../support/temp.js';

const P = 'http://proxy.example:3128';
const via = (url: string, env: NodeJS.ProcessEnv) => proxyFor(new URL(url), env)?.url.href;

test('which variable: upper case first, empty counts as unset, https only from HTTPS_PROXY, scheme optional', () => {
	assert.equal(via('https://r.example.com/', {HTTPS_PROXY: P, https_proxy: 'http://other:1'}), `${P}/`);
	assert.equal(via('https://r.example.com/', {HTTPS_PROXY: '', https_proxy: P}), `${P}/`);
	assert.equal(via('https://r.example.com/', {HTTP_PROXY: P}), undefined, 'Go never uses HTTP_PROXY for https (undici does)');
	assert.equal(via('http://r.example.com/', {HTTP_PROXY: P}), `${P}/`);
	assert.equal(via('http://r.example.com/', {HTTP_PROXY: P, REQUEST_METHOD: 'GET'}), undefined, 'not under CGI (httpoxy)');
	assert.equal(via('https://r.example.com/', {HTTPS_PROXY: 'proxy.example:3128'}), `${P}/`);
	assert.equal(proxyFor(new URL('https://r.example.com/'), {https_proxy: P})?.variable, 'https_proxy');
	assert.throws(() => via('https://r.example.com/', {HTTPS_PROXY: 'socks5://h:1080'}), /HTTPS_PROXY uses socks5:\/\//);
});

test('loopback and localhost are never proxied; NO_PROXY matches as Go does', () => {
	for (const url of ['https://localhost:5000/', 'https://127.0.0.1/', 'https://127.8.9.1:443/', 'https://[::1]:5000/', 'https://[::ffff:127.0.0.1]/'])
		assert.equal(via(url, {HTTPS_PROXY: P}), undefined, url);
	assert.equal(via('https://localhost.localdomain/', {HTTPS_PROXY: P}), `${P}/`, 'only the exact name localhost');
	const cases: Array<[string, string, boolean]> = [
		// [NO_PROXY, URL, bypassed]
		['example.com', 'https://example.com/', true],
		['example.com', 'https://r.example.com/', true],
		['example.com', 'https://rexample.com/', false],
		['.example.com', 'https://example.com/', false],
		['.example.com', 'https://r.example.com/', true],
		['*.example.com', 'https://example.com/', false],
		['*.example.com', 'https://r.example.com/', true],
		['*', 'https://anything.io/', true],
		['a.io, *', 'https://anything.io/', true],
		['EXAMPLE.com', 'https://R.Example.COM/', true],
		['example.com:5000', 'https://r.example.com:5000/', true],
		['example.com:5000', 'https://r.example.com/', false],
		['example.com:443', 'https://r.example.com/', true],
		['10.0.0.0/8', 'https://10.1.2.3/', true],
		['10.0.0.0/8', 'https://11.1.2.3/', false],
		['10.0.0.0/8', 'https://ten.example/', false],
		['10.1.2.3', 'https://10.1.2.3:5000/', true],
		['10.1.2.3:5000', 'https://10.1.2.3:6000/', false],
		['fd00::/8', 'https://[fd12::1]/', true],
		['[fd12::1]:443', 'https://[fd12::1]/', true],
		[' , ,', 'https://r.example.com/', false],
	];
	for (const [noProxy, url, bypassed] of cases) {
		assert.equal(via(url, {HTTPS_PROXY: P, NO_PROXY: noProxy}) === undefined, bypassed, `NO_PROXY=${noProxy} ${url}`);
		assert.equal(via(url, {HTTPS_PROXY: P, no_proxy: noProxy}) === undefined, bypassed, `no_proxy=${noProxy} ${url}`);
	}
	assert.equal(via('https://r.example.com/', {HTTPS_PROXY: P, NO_PROXY: 'other.io', no_proxy: 'example.com'}), `${P}/`, 'NO_PROXY wins over no_proxy');
});

test('a proxy URL is shown without its password', () => {
	assert.equal(redactProxy(new URL('http://us%40er:p%3Ass@proxy:3128')), 'http://us%40er:***@proxy:3128');
	assert.equal(redactProxy(new URL('http://proxy:3128')), 'http://proxy:3128');
});

test('the same decisions as Go: the real docker CLI behind a real tinyproxy', async () => {
	const docker = requireProgram('docker', 'the docker CLI (see .ci/run)');
	const dir = tempDir();
	const proxy = await startProxy(join(dir, 'proxy'));
	// Names under .invalid never resolve: a direct attempt fails at once, a proxied one shows in
	// the proxy's log. A distinct port per case tells the log lines apart.
	const cases: Array<{env: NodeJS.ProcessEnv; host: string}> = [];
	let port = 5100;
	const add = (env: NodeJS.ProcessEnv, name: string) => cases.push({env, host: `${name}:${port++}`});
	for (const noProxy of [
		'example.invalid',
		'.example.invalid',
		'*.example.invalid',
		'*',
		'EXAMPLE.invalid',
		'example.invalid:5106',
		'other.invalid',
		'r.example.invalid',
	])
		for (const name of ['example.invalid', 'r.example.invalid']) add({HTTPS_PROXY: proxy.url, NO_PROXY: noProxy}, name);
	add({https_proxy: proxy.url, no_proxy: 'example.invalid'}, 'r.example.invalid');
	add({HTTPS_PROXY: proxy.url, no_proxy: 'example.invalid', NO_PROXY: 'other.invalid'}, 'r.example.invalid');
	add({HTTPS_PROXY: '', https_proxy: proxy.url}, 'r.example.invalid');
	add({HTTP_PROXY: proxy.url}, 'r.example.invalid');
	add({HTTPS_PROXY: proxy.url.replace('http://', '')}, 'r.example.invalid');
	add({HTTPS_PROXY: proxy.url}, 'localhost.localdomain.invalid');

	for (const {env, host} of cases) {
		spawnSync(docker, ['login', '-u', 'x', '--password-stdin', host], {
			input: 'pw',
			env: {PATH: process.env.PATH, HOME: dir, DOCKER_CONFIG: join(dir, 'docker'), ...env},
			timeout: 30_000,
		});
	}
	const connected = new Set(proxy.requests().map(line => line.replace(/^CONNECT (\S+) .*$/, '$1')));
	for (const {env, host} of cases) {
		const goProxied = connected.has(host);
		const ours = proxyFor(new URL(`https://${host}/v2/`), env) !== undefined;
		assert.equal(
			ours,
			goProxied,
			`${JSON.stringify({...env, ...(env.HTTPS_PROXY ? {HTTPS_PROXY: 'P'} : {})})} ${host}: docker ${goProxied ? 'used' : 'bypassed'} the proxy`,
		);
	}
	assert.ok(connected.size >= 10, `the proxy saw the proxied cases (${connected.size})`);
});
