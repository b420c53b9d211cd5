import assert from 'node:assert/strict';
import {statfsSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {volatileMessage, volatilePlaces} from '../../../source/keychain/setup/persistence.js';
import {tempDir} from '../../support/temp.js';

test('a store under XDG_RUNTIME_DIR or on tmpfs is named, even before it exists', async () => {
	const disk = tempDir();
	const places = [
		{what: 'the pass store', path: join(disk, 'not-yet', '.password-store')},
		{what: 'the GPG keyring', path: '/run/user/1000/gnupg'},
	];
	const found = await volatilePlaces(places, '/run/user/1000');
	const tmp = statfsSync(disk).type === 0x01021994;
	assert.deepEqual(
		found.map(place => place.what),
		tmp ? ['the pass store', 'the GPG keyring'] : ['the GPG keyring'],
	);
	assert.match(volatileMessage(found), /will not survive a reboot:\n {2}- the GPG keyring \(\/run\/user\/1000\/gnupg\): it is under XDG_RUNTIME_DIR/);
});

test('/dev/shm (tmpfs) is named as memory', {skip: statfsSafe('/dev/shm') !== 0x01021994 && 'no tmpfs at /dev/shm here'}, async () => {
	const [place] = await volatilePlaces([{what: 'docker config', path: '/dev/shm/regauth-none/config.json'}]);
	assert.equal(place?.reason, 'it is on tmpfs, which lives in memory');
});

function statfsSafe(path: string): number | undefined {
	try {
		return statfsSync(path).type;
	} catch {
		return undefined;
	}
}
