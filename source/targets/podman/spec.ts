// Podman's declaration (Buildah and Skopeo read the same file): a merge into the persistent
// containers auth.json, or a credHelpers route to a keychain.
import type {TargetSpec} from '../declaration.js';

export const podmanSpec: TargetSpec<'podman'> = {
	id: 'podman',
	title: 'Podman / Buildah / Skopeo',
	description: 'merges the login into the persistent ~/.config/containers/auth.json',
	outputName: 'Podman',
	credentialHelper: true,
	// biome-ignore lint/suspicious/noTemplateCurlyInString: shell syntax, shown as written
	writes: [{kind: 'user-config', path: '${XDG_CONFIG_HOME:-~/.config}/containers/auth.json'}],
	// biome-ignore lint/suspicious/noTemplateCurlyInString: shell syntax, shown as written
	help: {heading: 'Podman: writes ${XDG_CONFIG_HOME:-~/.config}/containers/auth.json (or $REGISTRY_AUTH_FILE)'},
	options: [],
};
