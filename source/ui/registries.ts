// The registries people set up most, with the one line each that saves a failed login: which
// credential that registry wants. "Other" takes any host.

export interface KnownRegistry {
	id: string;
	label: string;
	/** Prefilled host; `hostTemplate` means the user must edit part of it. */
	host: string;
	hostTemplate?: boolean;
	/** Prefilled user name where the registry fixes it (ECR's AWS, GAR's oauth2accesstoken). */
	username?: string;
	hint: string;
}

export const KNOWN_REGISTRIES: KnownRegistry[] = [
	{
		id: 'dockerhub',
		label: 'Docker Hub',
		host: 'docker.io',
		hint: 'your Docker ID and a personal access token (hub.docker.com → Account settings → Personal access tokens)',
	},
	{id: 'quay', label: 'Quay.io', host: 'quay.io', hint: 'a robot account: user namespace+robot, the robot token as password (or import its file)'},
	{
		id: 'ghcr',
		label: 'GitHub (ghcr.io)',
		host: 'ghcr.io',
		hint: 'your GitHub user and a personal access token (classic) with read:packages (github.com/settings/tokens); `gh auth token` works when gh has that scope',
	},
	{id: 'gitlab', label: 'GitLab', host: 'registry.gitlab.com', hint: 'a deploy token, or a personal/project access token with read_registry'},
	{
		id: 'gar',
		label: 'Google Artifact Registry',
		host: 'europe-west1-docker.pkg.dev',
		hostTemplate: true,
		username: 'oauth2accesstoken',
		hint: 'user oauth2accesstoken and `gcloud auth print-access-token` (1 hour; docker and podman use docker-credential-gcloud for this host instead), or user _json_key and a service-account key file’s JSON (long-lived); set your location',
	},
	{
		id: 'ecr',
		label: 'Amazon ECR',
		host: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
		hostTemplate: true,
		username: 'AWS',
		hint: 'user AWS, password from `aws ecr get-login-password --region REGION` (12 hours; docker and podman use docker-credential-ecr-login for this host instead); set account and region',
	},
	{
		id: 'acr',
		label: 'Azure Container Registry',
		host: 'myregistry.azurecr.io',
		hostTemplate: true,
		hint: 'user 00000000-0000-0000-0000-000000000000 and `az acr login --name NAME --expose-token` (3 hours), or a repository-scoped token or service principal (long-lived); set your registry name',
	},
	{id: 'other', label: 'Other registry…', host: '', hint: 'any registry: host[:port], e.g. registry.example.com:5000'},
];
