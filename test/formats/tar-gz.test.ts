import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {gunzipSync} from 'node:zlib';
import {tar, tarGz} from '../../source/formats/tar-gz.js';
import {requireProgram} from '../support/programs.js';
import {tempDir} from '../support/temp.js';

const config = new TextEncoder().encode('{\n\t"auths": {\n\t\t"quay.io": {\n\t\t\t"auth": "bXlvcmcrcm9ib3Q6VE9LRU4="\n\t\t}\n\t}\n}');
const members = [
	{name: '.docker/', mode: 0o700},
	{name: '.docker/config.json', mode: 0o600, data: config},
];

test('GNU tar lists the members with their modes, root owner and the fixed time', () => {
	requireProgram('tar');
	const dir = tempDir();
	const file = join(dir, 'docker.tar.gz');
	writeFileSync(file, tarGz(members));
	const listing = spawnSync('tar', ['-tzvf', file], {encoding: 'utf8', env: {...process.env, TZ: 'UTC'}});
	assert.equal(listing.status, 0, listing.stderr);
	assert.equal(listing.stderr, '', 'GNU tar must not warn (checksum, lone zero block, …)');
	assert.deepEqual(
		listing.stdout
			.trimEnd()
			.split('\n')
			.map(line => line.replace(/\s+/g, ' ')),
		['drwx------ root/root 0 2000-01-01 00:00 .docker/', `-rw------- root/root ${config.length} 2000-01-01 00:00 .docker/config.json`],
	);
	const numeric = execFileSync('tar', ['--numeric-owner', '-tzvf', file], {encoding: 'utf8'});
	assert.match(numeric, /^drwx------ 0\/0 /m);
	assert.match(numeric, /^-rw------- 0\/0 /m);
});

test('extracting with GNU tar gives .docker 0700 and config.json 0600 with the exact bytes', () => {
	const dir = tempDir();
	const file = join(dir, 'docker.tar.gz');
	writeFileSync(file, tarGz(members));
	const into = join(dir, 'sandbox');
	mkdirSync(into);
	execFileSync('tar', ['-xzf', file, '-C', into]);
	assert.equal(statSync(join(into, '.docker')).mode & 0o7777, 0o700);
	assert.equal(statSync(join(into, '.docker', 'config.json')).mode & 0o7777, 0o600);
	assert.deepEqual(new Uint8Array(readFileSync(join(into, '.docker', 'config.json'))), config);
});

test('same members, same bytes (no clock, no owner, no host in the archive)', () => {
	const first = tarGz(members);
	const second = tarGz(members.map(member => ({...member})));
	assert.deepEqual(first, second);
	// gzip header: magic, deflate, no flags, mtime 0
	assert.deepEqual([...first.subarray(0, 8)], [0x1f, 0x8b, 8, 0, 0, 0, 0, 0]);
});

test('headers carry POSIX checksums (six octal digits, NUL, space) and the ustar magic', () => {
	const raw = tar(members);
	for (const offset of [0, 512]) {
		const header = raw.subarray(offset, offset + 512);
		const field = Buffer.from(header.subarray(148, 156)).toString('latin1');
		assert.match(field, /^[0-7]{6}\0 $/);
		const copy = Uint8Array.from(header);
		copy.fill(0x20, 148, 156);
		assert.equal(
			Number.parseInt(field.slice(0, 6), 8),
			copy.reduce((sum, byte) => sum + byte, 0),
		);
		assert.equal(Buffer.from(header.subarray(257, 265)).toString('latin1'), 'ustar\x0000');
	}
});

test('the archive always ends with two zero blocks, even when the members fill a record exactly', () => {
	requireProgram('tar');
	// one header + 19 data blocks = one whole 10 KiB record: nanotar alone leaves no end marker
	const full = [{name: 'a', mode: 0o600, data: new Uint8Array(19 * 512).fill(65)}];
	for (const [archive, used] of [
		[tar(members), 3 * 512],
		[tar(full), 20 * 512],
	] as const) {
		assert.equal(archive.length % 10240, 0);
		assert.ok(archive.length >= used + 1024);
		assert.ok(archive.subarray(archive.length - 1024).every(byte => byte === 0));
	}
	const fullArchive = tar(full);
	assert.equal(fullArchive.length, 20480);
	const dir = tempDir();
	writeFileSync(join(dir, 'full.tar'), fullArchive);
	const listing = spawnSync('tar', ['-tvf', join(dir, 'full.tar')], {encoding: 'utf8'});
	assert.equal(listing.status, 0);
	assert.equal(listing.stderr, '');
	assert.deepEqual(gunzipSync(tarGz(full)), Buffer.from(fullArchive));
});

test('names that do not fit a ustar header are refused rather than truncated', () => {
	assert.throws(() => tar([{name: `${'x'.repeat(100)}`, mode: 0o600, data: new Uint8Array(1)}]), /too long/);
});
