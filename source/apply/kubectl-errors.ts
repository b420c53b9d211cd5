// kubectl's failures, turned into a reason and the fix. The texts matched are kubectl's own
// (client-go and API server messages), checked against the simulated API server in the tests.

export interface Diagnosis {
	reason: string;
	advice: string;
}

const RULES: Array<{test: RegExp; diagnose: (match: RegExpExecArray) => Diagnosis}> = [
	{
		test: /Operation cannot be fulfilled on (\w+) "([^"]+)": the object has been modified/,
		diagnose: match => ({
			reason: `${match[2]} (${match[1]}) changed in the cluster after regauth read it; nothing was overwritten`,
			advice: 'Run regauth again: it merges into the object as it is now.',
		}),
	},
	{
		test: /context "([^"]+)" does not exist|context was not found for specified context: (\S+)/,
		diagnose: match => ({
			reason: `kubectl has no context "${match[1] ?? match[2]}"`,
			advice: 'Pick one from `kubectl config get-contexts` and pass it with --context (or choose it in the wizard).',
		}),
	},
	{
		test: /namespaces? "([^"]+)" not found/,
		diagnose: match => ({
			reason: `the namespace "${match[1]}" does not exist in this cluster`,
			advice: `Create it first (kubectl create namespace ${match[1]}) or choose an existing namespace.`,
		}),
	},
	{
		test: /serviceaccounts? "([^"]+)" not found/,
		diagnose: match => ({
			reason: `the ServiceAccount "${match[1]}" does not exist in that namespace`,
			advice: 'Check the name with `kubectl get serviceaccounts -n <namespace>`, or leave the service account empty.',
		}),
	},
	{
		test: /is forbidden: User "([^"]*)" cannot (\w+) resource "([^"]+)"/,
		diagnose: match => ({
			reason: `the cluster refused: user "${match[1]}" may not ${match[2]} ${match[3]} (RBAC)`,
			advice: `Ask a cluster admin for a Role that allows ${match[2]} on ${match[3]} in that namespace, or use a context with more rights.`,
		}),
	},
	{
		test: /Forbidden|forbidden/,
		diagnose: () => ({
			reason: 'the cluster refused the request (RBAC: forbidden)',
			advice: 'Ask a cluster admin for rights to manage Secrets there, or use another context.',
		}),
	},
	{
		test: /Unauthorized|You must be logged in to the server/,
		diagnose: () => ({
			reason: 'the cluster did not accept your kubectl credentials',
			advice: 'Log in again (refresh the token in your kubeconfig), then retry.',
		}),
	},
	{
		test: /Unable to connect to the server|connection refused|no such host|i\/o timeout|dial tcp|TLS handshake timeout|The connection to the server .* was refused/,
		diagnose: () => ({
			reason: 'the Kubernetes API server could not be reached',
			advice: 'Check the cluster is up and `kubectl cluster-info` works for this context; the manifests are written, apply them later with kubectl apply -f.',
		}),
	},
	{
		test: /certificate|x509/,
		diagnose: () => ({
			reason: "the API server's TLS certificate was not trusted",
			advice: 'Fix the cluster CA in your kubeconfig (certificate-authority-data).',
		}),
	},
];

export function diagnoseKubectl(output: string): Diagnosis | undefined {
	for (const rule of RULES) {
		const match = rule.test.exec(output);
		if (match) return rule.diagnose(match);
	}
	return undefined;
}
