// Docker's declaration: a merge into the user's config.json, or a credHelpers route to a keychain.
import type {TargetSpec} from '../declaration.js';

export const dockerSpec: TargetSpec<'docker'> = {
	id: 'docker',
	title: 'Docker',
	description: 'merges the login into ~/.docker/config.json (or routes it to a keychain helper)',
	outputName: 'Docker',
	credentialHelper: true,
	// biome-ignore lint/suspicious/noTemplateCurlyInString: shell syntax, shown as written
	writes: [{kind: 'user-config', path: '${DOCKER_CONFIG:-~/.docker}/config.json'}],
	options: [],
};
