// SIMULATED Kubernetes API server. No real API server can run on the test machines (no
// container runtime, no systemd), so the real kubectl talks to this small HTTP server instead.
// It answers only what kubectl calls for `apply -f -`, `replace -f -`, `get secret(s)`, `get
// namespaces` (with a label selector), `get serviceaccount`, `patch serviceaccount --type=json` and `delete secret`
// (discovery, the OpenAPI v3 documents kubectl's validation reads, the Secret, Namespace and
// ServiceAccount endpoints) and records every request. A PUT whose resourceVersion is not the
// stored one gets 409 Conflict, as from a real API server.

import {writeFileSync} from 'node:fs';
import http from 'node:http';
import {join} from 'node:path';
import {after} from 'node:test';

export interface RecordedRequest {
	method: string;
	path: string;
	query: string;
	contentType: string;
	body: string;
}

export interface FakeApiServerOptions {
	/** Namespaces that exist; others answer `namespaces "x" not found`. */
	namespaces?: string[];
	/** ServiceAccounts by "namespace/name", with their current imagePullSecrets (undefined: field absent). */
	serviceAccounts?: Record<string, Array<{name: string}> | undefined>;
	/** Refuse writes with 403, as RBAC does for a user without rights. */
	forbidUser?: string;
	/** Labels of the namespaces, by name (for `get namespaces -l`). */
	namespaceLabels?: Record<string, Record<string, string>>;
	/** Secrets that exist already, by "namespace/name" (metadata is completed). */
	secrets?: Record<string, Record<string, unknown>>;
	/** Refuse listing Secrets across all namespaces (a user with namespace-scoped rights). */
	forbidClusterList?: boolean;
}

export interface FakeApiServer {
	url: string;
	requests: RecordedRequest[];
	secrets: Map<string, Record<string, unknown>>;
	serviceAccounts: Map<string, Record<string, unknown>>;
	/** Writes a kubeconfig with one context ("sim") pointing here; returns its path. */
	kubeconfig(dir: string): string;
	close(): Promise<void>;
}

const GVK = (kind: string) => ({group: '', kind, version: 'v1'});
const FIELD_VALIDATION = {name: 'fieldValidation', in: 'query', schema: {type: 'string', uniqueItems: true}};

function operation(kind: string, action: string) {
	return {parameters: [FIELD_VALIDATION], 'x-kubernetes-action': action, 'x-kubernetes-group-version-kind': GVK(kind)};
}

const OPENAPI_V1 = {
	openapi: '3.0.0',
	info: {title: 'Kubernetes (simulated)', version: 'v1.32.4'},
	paths: {
		'/api/v1/namespaces/{namespace}/secrets': {post: operation('Secret', 'post')},
		'/api/v1/namespaces/{namespace}/secrets/{name}': {patch: operation('Secret', 'patch'), put: operation('Secret', 'put')},
		'/api/v1/namespaces/{namespace}/serviceaccounts/{name}': {patch: operation('ServiceAccount', 'patch'), put: operation('ServiceAccount', 'put')},
	},
	components: {
		schemas: {
			'io.k8s.api.core.v1.Secret': {
				type: 'object',
				properties: {
					apiVersion: {type: 'string'},
					kind: {type: 'string'},
					metadata: {allOf: [{$ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'}], default: {}},
					data: {type: 'object', additionalProperties: {type: 'string', format: 'byte'}},
					stringData: {type: 'object', additionalProperties: {type: 'string', default: ''}},
					type: {type: 'string'},
					immutable: {type: 'boolean'},
				},
				'x-kubernetes-group-version-kind': [GVK('Secret')],
			},
			'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': {
				type: 'object',
				properties: {
					name: {type: 'string'},
					namespace: {type: 'string'},
					creationTimestamp: {type: 'string', format: 'date-time'},
					annotations: {type: 'object', additionalProperties: {type: 'string', default: ''}},
					labels: {type: 'object', additionalProperties: {type: 'string', default: ''}},
					resourceVersion: {type: 'string'},
					uid: {type: 'string'},
				},
			},
		},
	},
};

const RESOURCES = {
	kind: 'APIResourceList',
	groupVersion: 'v1',
	resources: [
		{name: 'secrets', singularName: 'secret', namespaced: true, kind: 'Secret', verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']},
		{
			name: 'serviceaccounts',
			singularName: 'serviceaccount',
			namespaced: true,
			kind: 'ServiceAccount',
			shortNames: ['sa'],
			verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
		},
		{
			name: 'namespaces',
			singularName: 'namespace',
			namespaced: false,
			kind: 'Namespace',
			shortNames: ['ns'],
			verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
		},
	],
};

function status(code: number, reason: string, message: string) {
	return {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code};
}

/** RFC 6902 `add` only: all kubectl's --type=json patches regauth sends use. */
function applyJsonPatch(doc: Record<string, unknown>, patch: Array<{op: string; path: string; value: unknown}>): Record<string, unknown> | string {
	const copy = structuredClone(doc) as Record<string, unknown>;
	for (const step of patch) {
		if (step.op !== 'add') return `unsupported op ${step.op}`;
		const parts = step.path.split('/').slice(1);
		let parent: Record<string, unknown> | unknown[] = copy;
		for (const part of parts.slice(0, -1)) {
			const next = (parent as Record<string, unknown>)[part];
			if (next === undefined) return `doc is missing path: "${step.path}"`;
			parent = next as Record<string, unknown>;
		}
		const last = parts.at(-1)!;
		if (Array.isArray(parent)) {
			if (last === '-') parent.push(step.value);
			else parent.splice(Number(last), 0, step.value);
		} else {
			parent[last] = step.value;
		}
	}
	return copy;
}

export async function startFakeApiServer(options: FakeApiServerOptions = {}): Promise<FakeApiServer> {
	const requests: RecordedRequest[] = [];
	const namespaces = new Set(options.namespaces ?? ['default']);
	const secrets = new Map<string, Record<string, unknown>>();
	const serviceAccounts = new Map<string, Record<string, unknown>>();
	for (const [key, pullSecrets] of Object.entries(options.serviceAccounts ?? {})) {
		const [namespace, name] = key.split('/') as [string, string];
		serviceAccounts.set(key, {
			apiVersion: 'v1',
			kind: 'ServiceAccount',
			metadata: {name, namespace, uid: `sa-${name}`, resourceVersion: '1'},
			...(pullSecrets ? {imagePullSecrets: pullSecrets} : {}),
		});
	}
	let version = 10;
	for (const [key, secret] of Object.entries(options.secrets ?? {})) {
		const [namespace, name] = key.split('/') as [string, string];
		const metadata = (secret.metadata ?? {}) as Record<string, unknown>;
		secrets.set(key, {...secret, metadata: {...metadata, name, namespace, uid: `uid-${version}`, resourceVersion: String(version++)}});
	}
	const labelsOf = (namespace: string) => options.namespaceLabels?.[namespace] ?? {};
	/** kubectl's equality-based selectors: a=b, a==b, a!=b, a, !a, joined by commas. */
	const selects = (selector: string, labels: Record<string, string>) =>
		selector
			.split(',')
			.filter(Boolean)
			.every(term => {
				const match = /^(!?)([^=!]+)(?:(==|=|!=)(.*))?$/.exec(term.trim());
				if (!match) return false;
				const [, not, key, op, value] = match as unknown as [string, string, string, string | undefined, string | undefined];
				if (!op) return not ? !(key in labels) : key in labels;
				return op === '!=' ? labels[key] !== value : labels[key] === value;
			});

	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', chunk => (body += chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://sim');
			requests.push({method: req.method ?? '', path: url.pathname, query: url.search, contentType: req.headers['content-type'] ?? '', body});
			const send = (code: number, value: unknown) => {
				res.writeHead(code, {'content-type': 'application/json'});
				res.end(JSON.stringify(value));
			};
			const path = url.pathname;
			if (path === '/version') return send(200, {major: '1', minor: '32', gitVersion: 'v1.32.4-sim'});
			if (path === '/openapi/v3') return send(200, {paths: {'api/v1': {serverRelativeURL: '/openapi/v3/api/v1?hash=SIM'}}});
			if (path === '/openapi/v3/api/v1') return send(200, OPENAPI_V1);
			if (path === '/api')
				return send(200, {kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1'}]});
			if (path === '/apis') return send(200, {kind: 'APIGroupList', apiVersion: 'v1', groups: []});
			if (path === '/api/v1') return send(200, RESOURCES);

			if (path === '/api/v1/namespaces' && req.method === 'GET') {
				const selector = url.searchParams.get('labelSelector') ?? '';
				const items = [...namespaces]
					.filter(name => selects(selector, labelsOf(name)))
					.map(name => ({apiVersion: 'v1', kind: 'Namespace', metadata: {name, labels: labelsOf(name)}, status: {phase: 'Active'}}));
				return send(200, {kind: 'NamespaceList', apiVersion: 'v1', metadata: {resourceVersion: String(version)}, items});
			}
			if (path === '/api/v1/secrets' && req.method === 'GET') {
				if (options.forbidClusterList)
					return send(403, status(403, 'Forbidden', 'secrets is forbidden: User "dev" cannot list resource "secrets" in API group "" at the cluster scope'));
				const field = /^metadata\.name=(.*)$/.exec(url.searchParams.get('fieldSelector') ?? '');
				const items = [...secrets.values()].filter(secret => !field || (secret.metadata as {name: string}).name === field[1]);
				return send(200, {kind: 'SecretList', apiVersion: 'v1', metadata: {resourceVersion: String(version)}, items});
			}
			const namespaceMatch = /^\/api\/v1\/namespaces\/([^/]+)$/.exec(path);
			if (namespaceMatch) {
				const namespace = namespaceMatch[1]!;
				if (!namespaces.has(namespace)) return send(404, status(404, 'NotFound', `namespaces "${namespace}" not found`));
				return send(200, {apiVersion: 'v1', kind: 'Namespace', metadata: {name: namespace}});
			}
			const match = /^\/api\/v1\/namespaces\/([^/]+)\/(secrets|serviceaccounts)(?:\/([^/]+))?$/.exec(path);
			if (!match) return send(404, status(404, 'NotFound', 'the server could not find the requested resource'));
			const [, namespace, resource, name] = match as unknown as [string, string, string, string | undefined];
			const writing = req.method !== 'GET';
			if (writing && options.forbidUser) {
				const verb = req.method === 'POST' ? 'create' : req.method === 'PATCH' ? 'patch' : req.method === 'DELETE' ? 'delete' : 'update';
				return send(
					403,
					status(
						403,
						'Forbidden',
						`${resource} is forbidden: User "${options.forbidUser}" cannot ${verb} resource "${resource}" in API group "" in the namespace "${namespace}"`,
					),
				);
			}
			if (!namespaces.has(namespace)) return send(404, status(404, 'NotFound', `namespaces "${namespace}" not found`));
			const store = resource === 'secrets' ? secrets : serviceAccounts;
			if (req.method === 'POST' && !name) {
				const object = JSON.parse(body) as {metadata: Record<string, unknown>};
				object.metadata = {...object.metadata, namespace, uid: `uid-${version}`, resourceVersion: String(version++)};
				store.set(`${namespace}/${object.metadata.name}`, object);
				return send(201, object);
			}
			const key = `${namespace}/${name}`;
			const existing = store.get(key);
			if (!existing) return send(404, status(404, 'NotFound', `${resource} "${name}" not found`));
			if (req.method === 'GET') return send(200, existing);
			if (req.method === 'DELETE') {
				store.delete(key);
				return send(200, existing);
			}
			if (req.method === 'PATCH' && req.headers['content-type'] === 'application/json-patch+json') {
				const patched = applyJsonPatch(existing, JSON.parse(body));
				if (typeof patched === 'string') return send(422, status(422, 'Invalid', patched));
				store.set(key, patched);
				return send(200, patched);
			}
			if (req.method === 'PUT') {
				const object = JSON.parse(body) as {metadata?: Record<string, unknown>};
				const current = (existing.metadata as {resourceVersion: string}).resourceVersion;
				const sent = object.metadata?.resourceVersion;
				if (sent !== undefined && sent !== current) {
					return send(
						409,
						status(
							409,
							'Conflict',
							`Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
						),
					);
				}
				const next = {
					...object,
					metadata: {...object.metadata, namespace, name, uid: (existing.metadata as {uid: string}).uid, resourceVersion: String(version++)},
				};
				store.set(key, next);
				return send(200, next);
			}
			if (req.method === 'PATCH') {
				const next = {...existing, ...(JSON.parse(body) as object)};
				store.set(key, next);
				return send(200, next);
			}
			return send(405, status(405, 'MethodNotAllowed', 'method not allowed'));
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	const close = () => new Promise<void>(resolve => server.close(() => resolve()));
	after(close);
	server.unref();
	return {
		url,
		requests,
		secrets,
		serviceAccounts,
		kubeconfig(dir: string) {
			const path = join(dir, 'kubeconfig');
			writeFileSync(
				path,
				`apiVersion: v1\nkind: Config\nclusters:\n- name: sim\n  cluster:\n    server: ${url}\nusers:\n- name: tester\n  user:\n    token: not-a-real-token\ncontexts:\n- name: sim\n  context:\n    cluster: sim\n    user: tester\ncurrent-context: sim\n`,
			);
			return path;
		},
		close,
	};
}
