// The credential form's fields (pure): how each is checked and what its hint line says. The
// secret's hint counts what arrived, so a paste can be seen to have landed.
import {type Credential, checkEmail, checkPassword, checkRegistry, checkUsername, robotAccount} from '../answers.js';
import {guideFor} from '../registries/providers.js';
import {recognise} from '../registries/recognise.js';
import {KNOWN_REGISTRIES} from './registries.js';

/** The service's own guide (ECR, GHCR…) once the registry is recognised; undefined for others. */
function serviceGuide(credential: Credential) {
	const host = checkRegistry(credential.registry).value?.host;
	const guide = host ? guideFor(recognise(host)) : undefined;
	return guide && guide.provider !== 'other' ? guide : undefined;
}

export interface FieldSpec {
	key: 'registry' | 'username' | 'password' | 'email';
	label: string;
	mask?: string;
	check: (value: string) => string | undefined;
	hint: (credential: Credential) => string;
	placeholder?: string;
}

function registryHint(credential: Credential): string {
	const checked = checkRegistry(credential.registry);
	const known = KNOWN_REGISTRIES.find(registry => registry.host !== '' && checked.value?.host === registry.host);
	if (!checked.value) return 'host[:port], e.g. registry.example.com:5000';
	const stored = `stored as ${checked.value.key}`;
	const notes = checked.value.notes.length > 0 ? ` (${checked.value.notes.join('; ')})` : '';
	return known ? `${stored} · ${known.hint}` : `${stored}${notes}`;
}

export const CREDENTIAL_FIELDS: FieldSpec[] = [
	{key: 'registry', label: 'Registry', check: value => checkRegistry(value).error, hint: registryHint, placeholder: 'docker.io'},
	{
		key: 'username',
		label: 'Username',
		check: checkUsername,
		hint: credential => {
			const robot = robotAccount(credential.username);
			if (robot) return `Quay robot ${robot.name} of ${robot.namespace}: its token is the password`;
			const guide = serviceGuide(credential);
			return guide ? `${guide.title}: ${guide.usernameHint}` : 'account, robot or token name';
		},
	},
	{
		key: 'password',
		label: 'Password/token',
		mask: '•',
		check: checkPassword,
		hint: credential => {
			const count = [...credential.password].length;
			if (credential.fromKeychain) return '● from regauth’s keychain (type to replace it)';
			if (count > 0) return `● ${count} character${count === 1 ? '' : 's'} typed (masked)`;
			// Which credential to create, where, with which scope: the service's own words.
			const guide = serviceGuide(credential);
			if (!guide) return 'paste or type it; it stays masked';
			const mint = guide.tokenCommand ? `Ctrl+G gets it from ${guide.tokenCommand.file}, or paste or type it (masked)` : 'paste or type it (masked)';
			return `${mint} · ${guide.tokenHint}`;
		},
	},
	{key: 'email', label: 'Email', check: checkEmail, hint: () => 'optional and deprecated: leave empty unless an old tool needs it'},
];

/** The row after the credential fields: a Quay robot file to import instead of typing. */
export const IMPORT_ROW = CREDENTIAL_FIELDS.length;
export const ROWS = CREDENTIAL_FIELDS.length + 1;
