// Which registry service a host belongs to, from its name alone. Cloud registries do not take a
// fixed password: each mints short-lived tokens and has a credential helper that refreshes them,
// so regauth takes a different path for each (docs/cloud-registries.md). Pure.

export type Provider = 'ecr' | 'ecr-public' | 'gar' | 'acr' | 'ghcr' | 'gitlab' | 'dockerhub' | 'quay' | 'other';

export type Recognised =
	| {provider: 'ecr'; host: string; account: string; region: string; fips: boolean}
	| {provider: 'ecr-public'; host: string; region: 'us-east-1'}
	| {provider: 'gar'; host: string; location: string}
	| {provider: 'acr'; host: string; name: string}
	| {provider: 'ghcr'; host: string}
	| {provider: 'gitlab'; host: string}
	| {provider: 'dockerhub'; host: string}
	| {provider: 'quay'; host: string}
	| {provider: 'other'; host: string};

// amazon-ecr-credential-helper's own pattern (ecr-login/api/client.go, `ecrPattern`): twelve
// digits, dkr.ecr or dkr-ecr (dual-stack), an optional -fips, the region, then one of the
// partitions' domains. Matching the helper's grammar means regauth routes exactly the hosts it serves.
const ECR =
	/^(\d{12})\.dkr[.-]ecr(-fips)?\.([a-z0-9][a-z0-9-_]*)\.(amazonaws\.com(\.cn)?|amazonaws\.eu|on\.aws|on\.amazonwebservices\.com\.cn|sc2s\.sgov\.gov|c2s\.ic\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)$/;
const ECR_PUBLIC = new Set(['public.ecr.aws', 'ecr-public.aws.com']);
// Artifact Registry: <location>-docker.pkg.dev and the regional docker.<region>.rep.pkg.dev; the
// gcr.io names are served by Artifact Registry since Container Registry shut down (March 2025).
const GAR = /^([a-z0-9-]+)-docker\.pkg\.dev$/;
const GAR_REGIONAL = /^docker\.([a-z0-9-]+)\.rep\.pkg\.dev$/;
const GCR: Record<string, string> = {'gcr.io': 'us', 'us.gcr.io': 'us', 'eu.gcr.io': 'europe', 'asia.gcr.io': 'asia', 'marketplace.gcr.io': 'us'};
// The sovereign clouds' suffixes, as cloud-provider-azure's credential provider lists them.
const ACR = /^([a-z0-9][a-z0-9-]*)\.azurecr\.(io|cn|us|de)$/;

/** `host` is the bare host[:port] that registryKey() produced (`docker.io` for Docker Hub). */
export function recognise(host: string): Recognised {
	const name = host.toLowerCase();
	const ecr = ECR.exec(name);
	if (ecr) return {provider: 'ecr', host: name, account: ecr[1]!, region: ecr[3]!, fips: ecr[2] !== undefined};
	if (ECR_PUBLIC.has(name)) return {provider: 'ecr-public', host: name, region: 'us-east-1'};
	const gar = GAR.exec(name) ?? GAR_REGIONAL.exec(name);
	if (gar) return {provider: 'gar', host: name, location: gar[1]!};
	if (GCR[name] !== undefined) return {provider: 'gar', host: name, location: GCR[name]};
	const acr = ACR.exec(name);
	if (acr) return {provider: 'acr', host: name, name: acr[1]!};
	if (name === 'ghcr.io') return {provider: 'ghcr', host: name};
	if (name === 'registry.gitlab.com' || /^registry\.gitlab\./.test(name)) return {provider: 'gitlab', host: name};
	if (name === 'docker.io') return {provider: 'dockerhub', host: name};
	if (name === 'quay.io' || name.endsWith('.quay.io')) return {provider: 'quay', host: name};
	return {provider: 'other', host: name};
}
