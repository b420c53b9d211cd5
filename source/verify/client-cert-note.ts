// The note a plan carries when the checks presented a client certificate (--cert-file/--key-file
// or the wizard's fields): regauth only presents it to check the login; docker and podman present
// their own from certs.d (docs/networks.md §3.1), so a pull needs the pair there too. Pure.
import type {ResolvedCredential, TargetId} from '../answers.js';
import type {Note} from '../plan-types.js';

export function clientCertNote(
	pair: {certFile: string; keyFile: string},
	credentials: readonly Pick<ResolvedCredential, 'host'>[],
	targets: readonly TargetId[],
): Note {
	const hosts = [...new Set(credentials.map(credential => credential.host))];
	const host = hosts.length === 1 ? hosts[0]! : 'HOST';
	const tools = [
		...(targets.includes('docker') ? [`/etc/docker/certs.d/${host}/ (docker)`] : []),
		...(targets.includes('podman') ? [`~/.config/containers/certs.d/${host}/ or /etc/containers/certs.d/${host}/ (podman, skopeo)`] : []),
	];
	const where = tools.length > 0 ? tools.join('; ') : `/etc/docker/certs.d/${host}/ (docker); ~/.config/containers/certs.d/${host}/ (podman)`;
	return {
		level: 'info',
		message: `The check presented the client certificate ${pair.certFile} (key ${pair.keyFile}). Pulls need it too: copy them as client.cert and client.key into ${where}.`,
	};
}
