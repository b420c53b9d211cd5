// A private keyring for the helper benchmark: the tests' own (test/support/private-keyring.mjs).
import {startPrivateKeyring} from '../../test/support/private-keyring.mjs';

export function startKeyring(dir) {
	const keyring = startPrivateKeyring(dir);
	return {env: {PATH: process.env.PATH, LANG: 'C.UTF-8', ...keyring.env}, stop: keyring.stop};
}
