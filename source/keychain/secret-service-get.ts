// `get` straight over the session bus, for the credential helper that docker runs on every pull.
// keytar's getPassword (libsecret's secret_password_lookup_sync) loads glib, gio and gcrypt, makes
// 11 sequential D-Bus calls and a Diffie-Hellman session; this asks the Secret Service the same
// question (the same attributes, so the same item) in two round trips over a "plain" session:
// docs/performance.md §3.1 has the figures and the reasons a plain session is no weaker here.
//
// Anything but a plain answer (no bus, no Secret Service, the item locked and needing a prompt,
// a reply not understood) resolves `undefined`: the caller then asks keytar, as before. A service
// that accepts the questions and never answers is an error after libsecret's own 25 s.
import {createConnection} from 'node:net';
import {join} from 'node:path';
import {type DBusValue, decodeMessage, encodeMethodCall, type Message, type MethodCall, messageLength} from './dbus-wire.js';

/** keytar's libsecret schema: its lookups also match this attribute (libsecret adds it). */
const KEYTAR_SCHEMA = 'org.freedesktop.Secret.Generic';
const SECRETS = {destination: 'org.freedesktop.secrets', path: '/org/freedesktop/secrets', interface: 'org.freedesktop.Secret.Service'};
const BUS = {destination: 'org.freedesktop.DBus', path: '/org/freedesktop/DBus', interface: 'org.freedesktop.DBus'};
/** libsecret's own wait for the service (GDBus's default call timeout). */
const TIMEOUT_MS = 25_000;

export type Lookup = {found: string} | {found: null} | undefined;

/**
 * The session bus socket, as GDBus finds it: DBUS_SESSION_BUS_ADDRESS's first `unix:path=` or
 * `unix:abstract=` address, else `$XDG_RUNTIME_DIR/bus`. Other transports: undefined (keytar's).
 */
export function sessionBusSocket(env: NodeJS.ProcessEnv): string | undefined {
	const address = env.DBUS_SESSION_BUS_ADDRESS;
	if (!address) return env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'bus') : undefined;
	for (const entry of address.split(';')) {
		const [transport, params = ''] = entry.split(/:(.*)/s);
		if (transport !== 'unix') continue;
		const values = new Map(params.split(',').map(pair => pair.split(/=(.*)/s) as [string, string]));
		if (values.has('path')) return decodeURIComponent(values.get('path')!);
		if (values.has('abstract')) return `\0${decodeURIComponent(values.get('abstract')!)}`;
	}
	return undefined;
}

/**
 * Looks up keytar's item (service, account): the secret text, null when there is none, undefined
 * to ask keytar instead; rejects only when the service stops answering.
 */
export function secretServiceGet(service: string, account: string, env: NodeJS.ProcessEnv = process.env): Promise<Lookup> {
	const socketPath = process.platform === 'linux' && typeof process.getuid === 'function' ? sessionBusSocket(env) : undefined;
	if (!socketPath) return Promise.resolve(undefined);
	return new Promise<Lookup>((resolve, reject) => {
		const socket = createConnection({path: socketPath});
		const pending = new Map<number, (message: Message) => void>();
		let serial = 0;
		let authenticated = false;
		let received = Buffer.alloc(0);
		let done = false;
		const finish = (result: Lookup) => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			socket.destroy();
			resolve(result);
		};
		const timer = setTimeout(() => {
			if (done) return;
			done = true;
			socket.destroy();
			reject(new Error(`the keychain (Secret Service on the session bus) did not answer within ${TIMEOUT_MS / 1000} s`));
		}, TIMEOUT_MS);
		const call = (what: MethodCall, onReply: (message: Message) => void) => {
			serial += 1;
			pending.set(serial, onReply);
			return encodeMethodCall(serial, what);
		};
		const replyOf = (message: Message): DBusValue[] | undefined => (message.type === 2 ? message.body : undefined);

		let session: string | undefined;
		let items: {unlocked: string[]; locked: string[]} | undefined;
		const fetchSecret = () => {
			if (session === undefined || items === undefined) return;
			if (items.unlocked.length === 0) return finish(items.locked.length === 0 ? {found: null} : undefined);
			socket.write(
				call(
					{...SECRETS, path: items.unlocked[0]!, interface: 'org.freedesktop.Secret.Item', member: 'GetSecret', signature: 'o', body: [session]},
					message => {
						const [secret] = replyOf(message) ?? [];
						const [, , value, contentType] = (secret as [string, Buffer, Buffer, string] | undefined) ?? [];
						// libsecret hands keytar only text secrets; anything else is keytar's to judge.
						if (!Buffer.isBuffer(value) || (contentType !== undefined && !contentType.startsWith('text/plain'))) return finish(undefined);
						finish({found: value.toString('utf8')});
					},
				),
			);
		};

		// Authentication, Hello and both questions go out at once (the bus reads them in order
		// once authenticated): the answer takes two round trips instead of libsecret's eleven.
		const uid = Buffer.from(String(process.getuid!())).toString('hex');
		socket.write(
			Buffer.concat([
				Buffer.from(`\0AUTH EXTERNAL ${uid}\r\nBEGIN\r\n`),
				call({...BUS, member: 'Hello'}, () => {}),
				call({...SECRETS, member: 'OpenSession', signature: 'sv', body: ['plain', ['s', '']]}, message => {
					const [, path] = replyOf(message) ?? [];
					if (typeof path !== 'string') return finish(undefined);
					session = path;
					fetchSecret();
				}),
				call(
					{
						...SECRETS,
						member: 'SearchItems',
						signature: 'a{ss}',
						body: [
							[
								['service', service],
								['account', account],
								['xdg:schema', KEYTAR_SCHEMA],
							],
						],
					},
					message => {
						const [unlocked, locked] = replyOf(message) ?? [];
						if (!Array.isArray(unlocked) || !Array.isArray(locked)) return finish(undefined);
						items = {unlocked: unlocked as string[], locked: locked as string[]};
						fetchSecret();
					},
				),
			]),
		);

		socket.on('data', (chunk: Buffer) => {
			received = Buffer.concat([received, chunk]);
			try {
				if (!authenticated) {
					const end = received.indexOf('\r\n');
					if (end === -1) return;
					if (!received.subarray(0, end).toString('latin1').startsWith('OK ')) return finish(undefined);
					authenticated = true;
					received = received.subarray(end + 2);
				}
				for (;;) {
					const length = messageLength(received);
					if (length === undefined || received.length < length) return;
					const message = decodeMessage(received.subarray(0, length));
					received = received.subarray(length);
					// 2 = method return, 3 = error: an error to any question means keytar's way.
					if (message.type === 3) return finish(undefined);
					const onReply = message.type === 2 && message.replySerial !== undefined ? pending.get(message.replySerial) : undefined;
					if (onReply) {
						pending.delete(message.replySerial!);
						onReply(message);
						if (done) return;
					}
				}
			} catch {
				finish(undefined);
			}
		});
		socket.on('error', () => finish(undefined));
		socket.on('close', () => finish(undefined));
	});
}
