// Step 1b: the credential for one registry. Checked when the form is left; the secret is
// masked and a hint line shows how much has been typed, so a paste can be seen to have arrived.
import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import {checkRegistry} from '../../answers.js';
import type {VerifyResult} from '../../verify/result.js';
import {type VerifyMode, verdict} from '../../verify/verdict.js';
import {CERT_LABEL, CERT_ROW, certRowsShown, KEY_LABEL, KEY_ROW} from '../client-cert-fields.js';
import {TextField} from '../components/text-field.js';
import {CREDENTIAL_FIELDS, IMPORT_ROW} from '../credential-fields.js';
import {OPEN_TOKEN_KEY, teamRegistry} from '../profile-flow.js';
import {checkFor} from '../state.js';
import type {StepProps} from './step-props.js';

function CheckLine({result, mode}: {result: VerifyResult | 'checking' | undefined; mode: VerifyMode}) {
	if (!result) return null;
	if (result === 'checking') {
		return (
			<Text>
				<Spinner type="dots" /> Checking the login with the registry…
			</Text>
		);
	}
	if (result.status === 'verified') return <Text color="green">✓ {result.message}</Text>;
	// The same judgement plan() makes: a result that stops the run cannot be waved through here.
	const stops = verdict([result], mode).failures.length > 0;
	return (
		<Box flexDirection="column">
			<Text color={result.status === 'rejected' ? 'red' : 'yellow'}>
				{result.status === 'rejected' ? '✗' : '!'} {result.message}
			</Text>
			{result.advice ? <Text dimColor>{result.advice}</Text> : null}
			<Text color="cyan">
				{result.clientCertificate && !stops
					? `Enter on ${KEY_LABEL} checks again with them; Enter on Email goes on without (the review keeps a warning).`
					: stops
						? mode === 'strict' && result.status !== 'rejected' && result.status !== 'invalid'
							? 'Fix the fields and press Enter on Email to check again: this run checks strictly, so nothing is written until the registry accepts the login.'
							: 'Fix the fields and press Enter on Email to check again: nothing is written with a login the registry rejects.'
						: 'Fix the fields, or press Enter on Email to go on anyway (the review keeps a warning).'}
			</Text>
		</Box>
	);
}

export function CredentialsStep({state, active, width, verifyMode}: StepProps) {
	const index = state.editing;
	const credential = state.answers.credentials[index];
	if (!credential) return <Text color="red">No registry selected.</Text>;
	const importer = state.importer;
	const importFocused = active && state.field === IMPORT_ROW;
	const host = checkRegistry(credential.registry).value?.host;
	// What the team profile says about this registry: where the token comes from, the user-name convention.
	const team = teamRegistry(state, credential);
	const certRows = certRowsShown(state, credential);
	const importRow = (
		<>
			<Text> </Text>
			<TextField
				key={`${index}:import`}
				label="Import file"
				value={importer.path}
				cursor={importFocused ? state.cursor : undefined}
				focus={importFocused}
				placeholder="(optional) path of a Quay robot file"
				{...(importFocused && !(importer.result && !importer.result.ok)
					? {hint: 'Docker config JSON, Kubernetes Secret YAML, rkt JSON or a saved docker/podman login line; Enter imports it'}
					: {})}
				{...(importer.result && !importer.result.ok ? {error: importer.result.message} : {})}
				width={width}
			/>
		</>
	);
	return (
		<Box flexDirection="column" width={width}>
			<Text bold>
				Credentials for {host ?? 'the registry'}
				{team?.name ? ` (${team.name})` : ''}
				{state.profile ? ` · registry ${index + 1} of ${state.answers.credentials.length}` : ''}
			</Text>
			{state.profile?.welcome && index === 0 ? <Text color="cyan">{state.profile.welcome}</Text> : null}
			{team?.['username-hint'] ? <Text dimColor>User name: {team['username-hint']}</Text> : null}
			{team?.['token-help'] ? <Text dimColor>Token: {team['token-help']}</Text> : null}
			{team?.['token-url'] ? (
				<Text dimColor>
					Create it at {team['token-url']}
					{team.scopes?.length ? ` (scopes: ${team.scopes.join(', ')})` : ''}
				</Text>
			) : null}
			{team?.['token-url'] ? <Text color="cyan">{OPEN_TOKEN_KEY.label} opens that page in your browser</Text> : null}
			{state.profile ? <Text dimColor>From the team profile {state.profile.shown}</Text> : null}
			<Text dimColor wrap="truncate-end">
				↑/↓ Tab move · Enter next; on Email it checks the login · Ctrl+U clears
			</Text>
			<Text> </Text>
			{CREDENTIAL_FIELDS.map((field, position) => {
				const value = credential[field.key];
				const error = field.check(value);
				const focused = active && state.field === position;
				// "is required" only once the field was left (or the form submitted), not on the way past.
				const show = value !== '' || state.left.includes(`${index}:${position}`);
				return (
					<TextField
						key={`${index}:${field.key}`}
						label={field.label}
						value={value}
						cursor={focused ? state.cursor : undefined}
						focus={focused}
						{...(field.mask ? {mask: field.mask} : {})}
						{...(field.placeholder ? {placeholder: field.placeholder} : {})}
						{...(show && error ? {error} : {})}
						{...(focused ? {hint: field.hint(credential)} : {})}
						width={width}
					/>
				);
			})}
			{certRows ? null : importRow}
			{state.busy === 'mint' ? (
				<Text>
					<Spinner type="dots" /> Asking the cloud’s CLI for a token…
				</Text>
			) : null}
			{state.busy === 'import' ? (
				<Text>
					<Spinner type="dots" /> Reading the file…
				</Text>
			) : null}
			{importer.result?.ok ? <Text color="green">✓ {importer.result.message}</Text> : null}
			{state.notice ? <Text color={state.notice.startsWith('✓') ? 'green' : 'red'}>{state.notice}</Text> : null}
			<CheckLine result={checkFor(state, credential)?.result} mode={verifyMode} />
			{/* Asked for a client certificate: its rows right under the registry's words, the import row after them. */}
			{certRows ? <ClientCertRows state={state} active={active} width={width} /> : null}
			{certRows ? importRow : null}
		</Box>
	);
}

/** The client certificate pair (one per run, as headless --cert-file/--key-file), once the registry asked for one. */
function ClientCertRows({state, active, width}: Pick<StepProps, 'state' | 'active' | 'width'>) {
	const cert = state.clientCert;
	const row = (position: number, label: string, value: string, placeholder: string, hint: string) => {
		const focused = active && state.field === position;
		return (
			<TextField
				label={label}
				value={value}
				cursor={focused ? state.cursor : undefined}
				focus={focused}
				placeholder={placeholder}
				{...(focused ? {hint} : {})}
				width={width}
			/>
		);
	};
	return (
		<Box flexDirection="column">
			<Text> </Text>
			{row(CERT_ROW, CERT_LABEL, cert.certFile, 'path of the certificate (PEM)', 'issued to you for this registry · Enter: its key')}
			{row(KEY_ROW, KEY_LABEL, cert.keyFile, 'path of its key (PEM)', 'unencrypted · Enter checks the pair and the login')}
			{cert.problem ? <Text color="red">{cert.problem}</Text> : null}
			{cert.inUse && !cert.problem ? (
				<Text color="green">
					✓ The check presents {cert.inUse.certFile} (key {cert.inUse.keyFile}).
				</Text>
			) : null}
		</Box>
	);
}
