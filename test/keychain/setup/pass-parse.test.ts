import assert from 'node:assert/strict';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {HELPER_FOLDER, parseSecretKeys, passPaths, storeState} from '../../../source/keychain/setup/pass.js';
import {tempDir} from '../../support/temp.js';

// gpg 2.2.40 --with-colons --with-keygrip --list-secret-keys output (as run on Debian 12).
const COLONS = `sec:u:3072:1:088DE801738150C0:1796045030:::u:::scESC:::+:::23::0:
fpr:::::::::58089F2B566A8EE334D9DDEA088DE801738150C0:
grp:::::::::78C315A2C65181EFBC1FD5AE2D36ABF20B835981:
uid:u::::1796045030::7B54C110A7A8B6A8C7651C9B29E78A0980D794C1::regauth credential store <regauth@localhost>::::::::::0:
ssb:u:3072:1:BBC10B83E8DE9E8C:1796045030::::::e:::+:::23:
fpr:::::::::8CE8454C2ED6DEF9245C7C31BBC10B83E8DE9E8C:
grp:::::::::44CBCBCCBD45A7DC436AE272C2809808C19D01A0:
`;

test('the primary fingerprint and the encryption subkey keygrip (the one pass decrypts with)', () => {
	assert.deepEqual(parseSecretKeys(COLONS), {
		fingerprint: '58089F2B566A8EE334D9DDEA088DE801738150C0',
		validity: 'u',
		encryptionGrip: '44CBCBCCBD45A7DC436AE272C2809808C19D01A0',
	});
	assert.equal(parseSecretKeys(''), undefined);
});

test('GNUPGHOME and PASSWORD_STORE_DIR win over HOME, as in gpg and pass', () => {
	assert.deepEqual(passPaths('/home/a', {}), {gnupgHome: '/home/a/.gnupg', storeDir: '/home/a/.password-store'});
	assert.deepEqual(passPaths('/home/a', {GNUPGHOME: '/g', PASSWORD_STORE_DIR: '/s'}), {gnupgHome: '/g', storeDir: '/s'});
});

test("the store's state: none, ours, or someone else's with docker's folder free or not", () => {
	const dir = tempDir();
	assert.deepEqual(storeState(dir, 'AAA'), {kind: 'none'});
	writeFileSync(join(dir, '.gpg-id'), 'BBB\n');
	assert.deepEqual(storeState(dir, 'AAA'), {kind: 'foreign', ids: ['BBB'], helperFolderFree: true});
	mkdirSync(join(dir, HELPER_FOLDER, 'cmVn'), {recursive: true});
	writeFileSync(join(dir, HELPER_FOLDER, 'cmVn', 'ci.gpg'), 'x');
	assert.deepEqual(storeState(dir, 'AAA'), {kind: 'foreign', ids: ['BBB'], helperFolderFree: false});
	writeFileSync(join(dir, HELPER_FOLDER, '.gpg-id'), 'AAA\n');
	assert.deepEqual(storeState(dir, 'AAA'), {kind: 'ours'});
});
