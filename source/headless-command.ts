// The equivalent command line of a run, shown after the wizard so onboarding can be scripted.
// The password never appears: it goes to --password-stdin.
import {type Answers, defaultAnswers} from './answers.js';
import {registryKey} from './formats/registry-key.js';
import {shellJoin} from './formats/shell-quote.js';

export function headlessCommand(answers: Answers): string {
	const defaults = defaultAnswers();
	const argv = ['regauth'];
	for (const credential of answers.credentials) {
		// The registry as regauth normalised it (https://Quay.io/v2/ → quay.io); as typed if invalid.
		const key = registryKey(credential.registry);
		argv.push('--registry', key.ok ? key.value.host : credential.registry.trim());
		argv.push('--username', credential.username);
		if (credential.email !== '') argv.push('--email', credential.email);
	}
	const remembered = answers.credentials.length > 0 && answers.credentials.every(credential => credential.fromKeychain);
	argv.push(remembered ? '--from-keychain' : '--password-stdin', '--target', answers.targets.join(','));
	// --keychain only matters to docker and podman.
	const helperTargets = answers.targets.some(target => target === 'docker' || target === 'podman');
	if (helperTargets && answers.keychain.kind === 'regauth') argv.push('--keychain', 'regauth');
	if (helperTargets && answers.keychain.kind === 'helper') argv.push('--keychain', answers.keychain.name);
	if (answers.targets.includes('kubernetes')) {
		const k = answers.kubernetes;
		for (const namespace of k.namespaces) argv.push('--namespace', namespace);
		if (k.secretName !== defaults.kubernetes.secretName) argv.push('--secret-name', k.secretName);
		if (k.context !== '') argv.push('--context', k.context);
		if (k.secretType !== defaults.kubernetes.secretType) argv.push('--secret-type', k.secretType);
		if (k.serviceAccount !== '') argv.push('--service-account', k.serviceAccount);
		if (k.image !== '') argv.push('--image', k.image);
	}
	if (answers.targets.includes('rkt') || (answers.targets.includes('butane') && answers.butane.includeRkt)) {
		if (answers.rkt.kind !== defaults.rkt.kind) argv.push('--rkt-kind', answers.rkt.kind);
	}
	if (answers.targets.includes('mesos')) {
		const m = answers.mesos;
		if (m.uri !== defaults.mesos.uri) argv.push('--marathon-uri', m.uri);
		if (m.image !== '') argv.push('--marathon-image', m.image);
		if (m.appId !== defaults.mesos.appId) argv.push('--marathon-app-id', m.appId);
	}
	if (answers.targets.includes('butane')) {
		const b = answers.butane;
		if (b.version !== defaults.butane.version) argv.push('--butane-version', b.version);
		if (b.secret === 'remote') argv.push('--butane-remote-url', b.remoteUrl);
		if (b.includeRkt) argv.push('--butane-rkt');
	}
	if (answers.outputDir !== defaults.outputDir) argv.push('--output-dir', answers.outputDir);
	if (answers.destdir !== '') argv.push('--destdir', answers.destdir);
	argv.push('--yes');
	const command = shellJoin(argv);
	if (remembered) return command;
	const count = answers.credentials.length;
	const input = count > 1 ? `printf '%s\\n' "$PASSWORD_1"${count > 2 ? ' …' : ''} "$PASSWORD_${count}"` : `printf '%s' "$PASSWORD"`;
	return `${input} | ${command}`;
}
