// A TCP server that accepts connections and never answers: a registry too slow to reply, for
// timeout tests. Bounded: it only ever holds the connections a test opens, and closes with it.

import type {AddressInfo} from 'node:net';
import {createServer, type Socket} from 'node:net';
import {after} from 'node:test';

export interface SilentServer {
	host: string;
	port: number;
	/** Connections it accepted (and left hanging). */
	accepted(): number;
	stop(): Promise<void>;
}

export async function startSilentServer(): Promise<SilentServer> {
	const sockets = new Set<Socket>();
	let count = 0;
	const server = createServer(socket => {
		count++;
		sockets.add(socket);
		socket.on('error', () => undefined);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	const stop = () =>
		new Promise<void>(resolve => {
			for (const socket of sockets) socket.destroy();
			server.close(() => resolve());
		});
	after(stop);
	return {host: `127.0.0.1:${port}`, port, accepted: () => count, stop};
}
