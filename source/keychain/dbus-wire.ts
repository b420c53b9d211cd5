// The D-Bus wire format, as much of it as a Secret Service lookup needs: marshalling method calls
// and reading replies (docs/performance.md §3.1; the D-Bus specification, "Message Protocol",
// https://dbus.freedesktop.org/doc/dbus-specification.html#message-protocol). Pure: no sockets.
//
// Values: y/u/i → number, b → boolean, s/o/g → string, ay → Buffer, other arrays → array (a{kv}
// → array of [key, value]), struct → array, v → [signature, value].

type DBusType = {code: string; element?: DBusType; fields?: DBusType[]};
export type DBusValue = number | boolean | string | Buffer | DBusValue[] | [string, DBusValue];

const ALIGN: Record<string, number> = {y: 1, b: 4, n: 2, q: 2, i: 4, u: 4, x: 8, t: 8, d: 8, s: 4, o: 4, g: 1, a: 4, '(': 8, '{': 8, v: 1, h: 4};

/** Parses a signature into complete types ("a{ss}o" → two types). */
export function parseSignature(signature: string): DBusType[] {
	let at = 0;
	const one = (): DBusType => {
		const code = signature[at++];
		if (code === undefined) throw new Error(`bad D-Bus signature "${signature}"`);
		if (code === 'a') return {code, element: one()};
		if (code === '(' || code === '{') {
			const close = code === '(' ? ')' : '}';
			const fields: DBusType[] = [];
			while (signature[at] !== close) {
				if (at >= signature.length) throw new Error(`bad D-Bus signature "${signature}"`);
				fields.push(one());
			}
			at++;
			return {code, fields};
		}
		if (!(code in ALIGN)) throw new Error(`unsupported D-Bus type "${code}" in "${signature}"`);
		return {code};
	};
	const types: DBusType[] = [];
	while (at < signature.length) types.push(one());
	return types;
}

class Writer {
	private buffer = Buffer.alloc(256);
	length = 0;

	private room(bytes: number) {
		if (this.length + bytes <= this.buffer.length) return;
		const bigger = Buffer.alloc(Math.max(this.buffer.length * 2, this.length + bytes));
		this.buffer.copy(bigger, 0, 0, this.length);
		this.buffer = bigger;
	}

	align(to: number) {
		const pad = (to - (this.length % to)) % to;
		this.room(pad);
		this.buffer.fill(0, this.length, this.length + pad);
		this.length += pad;
	}

	byte(value: number) {
		this.room(1);
		this.buffer[this.length++] = value;
	}

	u32(value: number) {
		this.align(4);
		this.room(4);
		this.buffer.writeUInt32LE(value >>> 0, this.length);
		this.length += 4;
	}

	bytes(value: Buffer) {
		this.room(value.length);
		value.copy(this.buffer, this.length);
		this.length += value.length;
	}

	patchU32(at: number, value: number) {
		this.buffer.writeUInt32LE(value, at);
	}

	value(type: DBusType, value: DBusValue): void {
		switch (type.code) {
			case 'y':
				this.byte(value as number);
				return;
			case 'b':
				this.u32(value ? 1 : 0);
				return;
			case 'u':
			case 'i':
			case 'h':
				this.align(4);
				this.room(4);
				if (type.code === 'i') this.buffer.writeInt32LE(value as number, this.length);
				else this.buffer.writeUInt32LE(value as number, this.length);
				this.length += 4;
				return;
			case 's':
			case 'o': {
				const text = Buffer.from(value as string, 'utf8');
				this.u32(text.length);
				this.bytes(text);
				this.byte(0);
				return;
			}
			case 'g': {
				const text = Buffer.from(value as string, 'utf8');
				this.byte(text.length);
				this.bytes(text);
				this.byte(0);
				return;
			}
			case 'v': {
				const [signature, inner] = value as [string, DBusValue];
				const [innerType] = parseSignature(signature);
				this.value({code: 'g'}, signature);
				this.value(innerType!, inner);
				return;
			}
			case 'a': {
				this.u32(0);
				const lengthAt = this.length - 4;
				const element = type.element!;
				this.align(ALIGN[element.code]!);
				const start = this.length;
				if (element.code === 'y') this.bytes(value as Buffer);
				else for (const item of value as DBusValue[]) this.value(element, item);
				this.patchU32(lengthAt, this.length - start);
				return;
			}
			case '(':
			case '{': {
				this.align(8);
				const items = value as DBusValue[];
				for (const [index, field] of type.fields!.entries()) this.value(field, items[index]!);
				return;
			}
			default:
				throw new Error(`cannot write D-Bus type "${type.code}"`);
		}
	}

	take(): Buffer {
		return this.buffer.subarray(0, this.length);
	}
}

class Reader {
	constructor(
		private readonly buffer: Buffer,
		public at: number,
		private readonly little: boolean,
	) {}

	align(to: number) {
		this.at += (to - (this.at % to)) % to;
	}

	u32(): number {
		this.align(4);
		this.need(4);
		const value = this.little ? this.buffer.readUInt32LE(this.at) : this.buffer.readUInt32BE(this.at);
		this.at += 4;
		return value;
	}

	private need(bytes: number) {
		if (this.at + bytes > this.buffer.length) throw new Error('truncated D-Bus message');
	}

	value(type: DBusType): DBusValue {
		switch (type.code) {
			case 'y':
				this.need(1);
				return this.buffer[this.at++]!;
			case 'b':
				return this.u32() !== 0;
			case 'u':
			case 'h':
				return this.u32();
			case 'i': {
				const value = this.u32();
				return value | 0;
			}
			case 's':
			case 'o': {
				const length = this.u32();
				this.need(length + 1);
				const text = this.buffer.toString('utf8', this.at, this.at + length);
				this.at += length + 1;
				return text;
			}
			case 'g': {
				this.need(1);
				const length = this.buffer[this.at++]!;
				this.need(length + 1);
				const text = this.buffer.toString('utf8', this.at, this.at + length);
				this.at += length + 1;
				return text;
			}
			case 'v': {
				const signature = this.value({code: 'g'}) as string;
				const [inner] = parseSignature(signature);
				if (!inner) throw new Error('empty D-Bus variant');
				return [signature, this.value(inner)];
			}
			case 'a': {
				const length = this.u32();
				const element = type.element!;
				this.align(ALIGN[element.code]!);
				this.need(length);
				const end = this.at + length;
				if (element.code === 'y') {
					const bytes = Buffer.from(this.buffer.subarray(this.at, end));
					this.at = end;
					return bytes;
				}
				const items: DBusValue[] = [];
				while (this.at < end) items.push(this.value(element));
				return items;
			}
			case '(':
			case '{':
				this.align(8);
				return type.fields!.map(field => this.value(field));
			default:
				throw new Error(`cannot read D-Bus type "${type.code}"`);
		}
	}
}

export interface MethodCall {
	destination: string;
	path: string;
	interface: string;
	member: string;
	signature?: string;
	body?: DBusValue[];
}

const FIELD = {path: 1, interface: 2, member: 3, errorName: 4, replySerial: 5, destination: 6, signature: 8} as const;
const HEADER_FIELDS = parseSignature('a(yv)')[0]!;

/** One method call, little-endian, protocol version 1. */
export function encodeMethodCall(serial: number, call: MethodCall): Buffer {
	const fields: DBusValue[] = [
		[FIELD.path, ['o', call.path]],
		[FIELD.interface, ['s', call.interface]],
		[FIELD.member, ['s', call.member]],
		[FIELD.destination, ['s', call.destination]],
	];
	if (call.signature) fields.push([FIELD.signature, ['g', call.signature]]);
	const body = new Writer();
	const types = parseSignature(call.signature ?? '');
	for (const [index, type] of types.entries()) body.value(type, call.body?.[index] as DBusValue);
	const header = new Writer();
	header.byte(0x6c); // 'l': little-endian
	header.byte(1); // METHOD_CALL
	header.byte(0); // flags: a reply is expected, auto-start allowed
	header.byte(1); // protocol version
	header.u32(body.length);
	header.u32(serial);
	header.value(HEADER_FIELDS, fields);
	header.align(8);
	return Buffer.concat([header.take(), body.take()]);
}

export interface Message {
	type: number;
	serial: number;
	replySerial?: number;
	errorName?: string;
	body: DBusValue[];
}

/** The length of the message starting at `buffer[0]`, or undefined while its fixed part is incomplete. */
export function messageLength(buffer: Buffer): number | undefined {
	if (buffer.length < 16) return undefined;
	const little = buffer[0] === 0x6c;
	if (!little && buffer[0] !== 0x42) throw new Error('not a D-Bus message');
	const bodyLength = little ? buffer.readUInt32LE(4) : buffer.readUInt32BE(4);
	const fieldsLength = little ? buffer.readUInt32LE(12) : buffer.readUInt32BE(12);
	const headerEnd = 16 + fieldsLength;
	return headerEnd + ((8 - (headerEnd % 8)) % 8) + bodyLength;
}

/** Decodes one complete message (its length from messageLength). */
export function decodeMessage(buffer: Buffer): Message {
	const little = buffer[0] === 0x6c;
	const reader = new Reader(buffer, 4, little);
	const bodyLength = reader.u32();
	const serial = reader.u32();
	const fields = reader.value(HEADER_FIELDS) as Array<[number, [string, DBusValue]]>;
	reader.align(8);
	const message: Message = {type: buffer[1]!, serial, body: []};
	let signature = '';
	for (const [code, [, value]] of fields) {
		if (code === FIELD.replySerial) message.replySerial = value as number;
		else if (code === FIELD.errorName) message.errorName = value as string;
		else if (code === FIELD.signature) signature = value as string;
	}
	const bodyStart = reader.at;
	const body = new Reader(buffer.subarray(bodyStart, bodyStart + bodyLength), 0, little);
	message.body = parseSignature(signature).map(type => body.value(type));
	return message;
}
