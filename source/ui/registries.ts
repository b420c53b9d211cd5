// The registries people set up most, with the one line each that saves a failed login: which
// credential that registry wants. "Other" takes any host.

export interface KnownRegistry {
	id: string;
	label: string;
	/** Prefilled host; `hostTemplate` means the user must edit part of it. */
	host: string;
	hostTemplate?: boolean;
	/** Prefilled user name where the registry fixes it (ECR's AWS, GAR's _json_key). */
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
	{id: 'ghcr', label: 'GitHub (ghcr.io)', host: 'ghcr.io', hint: 'your GitHub user and a personal access token (classic) with read:packages'},
	{id: 'gitlab', label: 'GitLab', host: 'registry.gitlab.com', hint: 'a deploy token, or a personal/project access token with read_registry'},
	{
		id: 'gar',
		label: 'Google Artifact Registry',
		host: 'europe-west1-docker.pkg.dev',
		hostTemplate: true,
		username: '_json_key',
		hint: 'user _json_key and a service account key (the whole JSON) as password; set your region',
	},
	{
		id: 'ecr',
		label: 'Amazon ECR',
		host: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
		hostTemplate: true,
		username: 'AWS',
		hint: 'user AWS, password from `aws ecr get-login-password` (valid 12 hours); set account and region',
	},
	{
		id: 'acr',
		label: 'Azure Container Registry',
		host: 'myregistry.azurecr.io',
		hostTemplate: true,
		hint: 'a service principal (app ID + secret) or a repository-scoped token; set your registry name',
	},
	{id: 'other', label: 'Other registry…', host: '', hint: 'any registry: host[:port], e.g. registry.example.com:5000'},
];
