// Step 3: the credential for one registry. Checked as it is typed; the secret is masked and
// a hint line shows how much has been typed, so a paste can be seen to have arrived.
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import {useEffect, useRef, useState} from 'react';
import {type Credential, checkEmail, checkPassword, checkRegistry, checkUsername, robotAccount} from '../../answers.js';
import type {VerifyResult} from '../../verify/result.js';
import {TextField} from '../components/text-field.js';
import {useStepInput} from '../hooks/use-step-input.js';
import {KNOWN_REGISTRIES} from '../registries.js';
import {checkFor} from '../state.js';
import type {StepProps} from './step-props.js';

interface FieldSpec {
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
			return robot ? `Quay robot ${robot.name} of ${robot.namespace}: its token is the password` : 'account, robot or token name';
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
			return count === 0 ? 'paste or type it; it stays masked' : `● ${count} character${count === 1 ? '' : 's'} typed (masked)`;
		},
	},
	{key: 'email', label: 'Email', check: checkEmail, hint: () => 'optional and deprecated: leave empty unless an old tool needs it'},
];

/** The row after the credential fields: a Quay robot file to import instead of typing. */
const IMPORT_ROW = CREDENTIAL_FIELDS.length;
const ROWS = CREDENTIAL_FIELDS.length + 1;

function CheckLine({result}: {result: VerifyResult | 'checking' | undefined}) {
	if (!result) return null;
	if (result === 'checking') {
		return (
			<Text>
				<Spinner type="dots" /> Checking the login with the registry…
			</Text>
		);
	}
	if (result.status === 'verified') return <Text color="green">✓ {result.message}</Text>;
	return (
		<Box flexDirection="column">
			<Text color={result.status === 'rejected' ? 'red' : 'yellow'}>
				{result.status === 'rejected' ? '✗' : '!'} {result.message}
			</Text>
			{result.advice ? <Text dimColor>{result.advice}</Text> : null}
			<Text color="cyan">Fix the fields, or press Enter on Email to go on anyway (the review keeps a warning).</Text>
		</Box>
	);
}

export function CredentialsStep({state, dispatch, get, active, width, services}: StepProps) {
	const index = state.editing;
	const credential = state.answers.credentials[index];
	const [importPath, setImportPath] = useState('');
	const [imported, setImported] = useState<{ok: boolean; message: string} | undefined>();

	const controller = useRef(new AbortController());
	useEffect(() => () => controller.current.abort(), []);

	/** Ask the registry; a verified login moves on by itself, a failed one waits for the user. */
	const startCheck = (current: Credential) => {
		dispatch({type: 'check', check: {...current, result: 'checking'}});
		services.verify(current, controller.current.signal).then(result => {
			if (!result) {
				// Checks are off (--no-verify): nothing to show, nothing to remember.
				dispatch({type: 'uncheck', credential: current});
				dispatch({type: 'next', step: 'registry'});
				return;
			}
			dispatch({type: 'check', check: {...current, result}});
			const latest = get();
			const still = latest.step === 'credentials' && latest.answers.credentials[latest.editing];
			if (result.status === 'verified' && still && checkFor(latest, still)?.result === result) dispatch({type: 'next', step: 'registry'});
		});
	};

	const runImport = (path: string) => {
		Promise.all([services.readFile(path), import('../../import/quay-files.js')]).then(([read, {importCredentials}]) => {
			if (!read.ok) return setImported({ok: false, message: read.message});
			const result = importCredentials(read.text, path);
			if (!result.ok) return setImported({ok: false, message: `Import file ${path}: ${result.message}`});
			// The file's first credential replaces this one; any others are added after it.
			dispatch({
				type: 'answers',
				update: answers => ({
					...answers,
					credentials: [...answers.credentials.slice(0, get().editing), ...result.credentials, ...answers.credentials.slice(get().editing + 1)],
				}),
			});
			setImported({ok: true, message: `Imported ${result.found}.`});
			setImportPath('');
			dispatch({type: 'field', field: CREDENTIAL_FIELDS.length - 1});
		});
	};

	const setField = (key: FieldSpec['key'], value: string) =>
		dispatch({
			type: 'answers',
			update: answers => ({
				...answers,
				credentials: answers.credentials.map((item, position) => {
					if (position !== index) return item;
					const {fromKeychain, ...rest} = item;
					// A typed user or password is no longer the remembered one.
					return key === 'username' || key === 'password' ? {...rest, [key]: value} : {...item, [key]: value};
				}),
			}),
		});

	const advance = () => {
		const latest = get();
		const current = latest.answers.credentials[latest.editing];
		if (!current) return;
		if (latest.field === IMPORT_ROW && importPath.trim() !== '') {
			runImport(importPath.trim());
			return;
		}
		if (latest.field < CREDENTIAL_FIELDS.length - 1) {
			dispatch({type: 'field', field: latest.field + 1});
			return;
		}
		const firstBad = CREDENTIAL_FIELDS.findIndex(field => field.check(current[field.key]));
		if (firstBad !== -1) {
			dispatch({type: 'field', field: firstBad});
			return;
		}
		const check = checkFor(latest, current);
		if (!check) startCheck(current);
		// After a failed check, Enter again goes on anyway; the review keeps the warning.
		else if (check.result !== 'checking') dispatch({type: 'next', step: 'registry'});
	};

	useStepInput(
		'credentials',
		(_input, key) => {
			if (key.upArrow || key.downArrow) dispatch({type: 'move', delta: key.upArrow ? -1 : 1, count: ROWS});
			// Enter is handled here only (not by the field), from the latest state: one chunk
			// such as "token\r" or Down+Enter then acts on the right field.
			else if (key.return) advance();
		},
		active,
	);

	if (!credential) return <Text color="red">No registry selected.</Text>;
	return (
		<Box flexDirection="column" width={width}>
			<Text bold>Credentials for {checkRegistry(credential.registry).value?.host ?? 'the registry'}</Text>
			<Text dimColor>↑/↓ or Enter move between fields · Enter on the last one continues</Text>
			<Text> </Text>
			{CREDENTIAL_FIELDS.map((field, position) => {
				const value = credential[field.key];
				const error = field.check(value);
				const show = value !== '' || position < state.field;
				return (
					<TextField
						key={`${index}:${field.key}`}
						label={field.label}
						value={value}
						onChange={text => setField(field.key, text)}
						focus={active && state.field === position}
						{...(field.mask ? {mask: field.mask} : {})}
						{...(field.placeholder ? {placeholder: field.placeholder} : {})}
						{...(show && error ? {error} : {})}
						{...(active && state.field === position ? {hint: field.hint(credential)} : {})}
						width={width}
					/>
				);
			})}
			<Text> </Text>
			<TextField
				key={`${index}:import`}
				label="Import file"
				value={importPath}
				onChange={setImportPath}
				focus={active && state.field === IMPORT_ROW}
				placeholder="(optional) path of a Quay robot file"
				{...(!imported && active && state.field === IMPORT_ROW
					? {hint: 'Docker config JSON, Kubernetes Secret YAML, rkt JSON or a saved docker/podman login line; Enter imports it'}
					: {})}
				{...(imported && !imported.ok ? {error: imported.message} : {})}
				width={width}
			/>
			{imported?.ok ? <Text color="green">✓ {imported.message}</Text> : null}
			<CheckLine result={checkFor(state, credential)?.result} />
		</Box>
	);
}
