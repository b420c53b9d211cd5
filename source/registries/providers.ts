// What each registry service wants: the user name, where a token comes from and how long it
// lives, the credential helper that refreshes it by itself, and the words that explain it to a
// user. Facts and sources: docs/cloud-registries.md. Pure: the wizard, --help and the plan read it.
import type {Provider, Recognised} from './recognise.js';

/** A docker credential helper that mints tokens itself (it is never used to *store* a secret). */
export interface TokenHelper {
	/** The `credHelpers` value: docker runs `docker-credential-<name>`. */
	name: string;
	/** How to install the helper when it is not on PATH. */
	install: string;
}

/** A command that prints a token on stdout (run without a shell, never with a secret in argv). */
export interface TokenCommand {
	file: string;
	args: string[];
	/** Extra environment, e.g. the FIPS endpoint switch. */
	env?: Record<string, string>;
	/** How the output becomes the password: the whole of stdout, or a JSON field. */
	output: 'text' | {json: string};
	/** Shown when the program is missing. */
	install: string;
	/** Shown when it runs but is not logged in. */
	login: string;
	/** What stderr says when it is not logged in (checked only after a non-zero exit). */
	notLoggedIn: RegExp;
}

export interface ProviderGuide {
	provider: Provider;
	title: string;
	/** A fixed user name the registry expects with minted tokens, if any. */
	username?: string;
	/** What the user name is, in a phrase ("your GitHub user name"). */
	usernameHint: string;
	/** Which credential to create, where, with which scope: one or two sentences. */
	tokenHint: string;
	/** Lifetime of a minted token in seconds, when the service fixes one. */
	lifetimeSeconds?: number;
	helper?: TokenHelper;
	/** Gets a token from the provider's own CLI (the user is logged in there already). */
	tokenCommand?: TokenCommand;
	/**
	 * What keeps a file that holds a minted token working past its expiry (Kubernetes Secrets,
	 * Butane, rkt, Mesos): the node's own credential provider, a refreshing controller, or a
	 * long-lived credential. docs/cloud-registries.md §Keeping static files fresh.
	 */
	keepFresh?: string;
}

const HOUR = 3600;

const AWS_INSTALL = 'Install the AWS CLI v2 (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html; Debian: apt install awscli)';
const AWS_LOGIN = 'aws sso login (or aws configure, or set AWS_PROFILE to a profile that has ecr:GetAuthorizationToken)';
const AWS_NOT_LOGGED_IN =
	/Unable to locate credentials|SSO session .*(expired|invalid)|Token has expired|ExpiredToken|Error loading SSO Token|InvalidClientTokenId|could not be found|The config profile/i;
const ECR_FRESH =
	'On EKS, nodes pull from ECR with their IAM role through the kubelet’s ecr-credential-provider, with no Secret at all; elsewhere, External Secrets Operator’s ECRAuthorizationToken generator refreshes the Secret; or re-run regauth (from cron or CI) well within 12 hours.';
const ECR_HELPER: TokenHelper = {
	name: 'ecr-login',
	install:
		'Install amazon-ecr-credential-helper (Debian and Ubuntu: apt install amazon-ecr-credential-helper; macOS: brew install docker-credential-helper-ecr)',
};

const GCLOUD_HELPER: TokenHelper = {
	name: 'gcloud',
	install: 'Install the Google Cloud CLI (https://cloud.google.com/sdk/docs/install), which brings docker-credential-gcloud, then gcloud auth login',
};

/** The clouds' token helpers by `credHelpers` name, for messages about a missing one. */
export const CLOUD_HELPERS: Readonly<Record<string, TokenHelper>> = {[ECR_HELPER.name]: ECR_HELPER, [GCLOUD_HELPER.name]: GCLOUD_HELPER};

export function guideFor(recognised: Recognised): ProviderGuide {
	switch (recognised.provider) {
		case 'ecr':
			return {
				provider: 'ecr',
				title: 'Amazon ECR',
				username: 'AWS',
				usernameHint: 'always AWS',
				tokenHint: `An ECR token lasts 12 hours: aws ecr get-login-password --region ${recognised.region} makes one with your current AWS profile, which needs ecr:GetAuthorizationToken. docker and podman instead use docker-credential-ecr-login, which refreshes tokens by itself.`,
				lifetimeSeconds: 12 * HOUR,
				helper: ECR_HELPER,
				keepFresh: ECR_FRESH,
				tokenCommand: {
					file: 'aws',
					args: ['ecr', 'get-login-password', '--region', recognised.region],
					...(recognised.fips ? {env: {AWS_USE_FIPS_ENDPOINT: 'true'}} : {}),
					output: 'text',
					install: AWS_INSTALL,
					login: AWS_LOGIN,
					notLoggedIn: AWS_NOT_LOGGED_IN,
				},
			};
		case 'ecr-public':
			return {
				provider: 'ecr-public',
				title: 'Amazon ECR Public',
				username: 'AWS',
				usernameHint: 'always AWS',
				tokenHint:
					'An ECR Public token lasts 12 hours and is always minted in us-east-1 (aws ecr-public get-login-password --region us-east-1); it needs ecr-public:GetAuthorizationToken and sts:GetServiceBearerToken. Public images also pull without a login, and an expired stored token makes those pulls fail.',
				lifetimeSeconds: 12 * HOUR,
				helper: ECR_HELPER,
				keepFresh: ECR_FRESH,
				tokenCommand: {
					file: 'aws',
					args: ['ecr-public', 'get-login-password', '--region', 'us-east-1'],
					output: 'text',
					install: AWS_INSTALL,
					login: AWS_LOGIN,
					notLoggedIn: AWS_NOT_LOGGED_IN,
				},
			};
		case 'gar':
			return {
				provider: 'gar',
				title: 'Google Artifact Registry',
				username: 'oauth2accesstoken',
				usernameHint: 'oauth2accesstoken for an access token, or _json_key for a service-account key file',
				tokenHint:
					'An access token from gcloud auth print-access-token lasts 1 hour; docker and podman instead use docker-credential-gcloud for this host only. For long-lived files (Kubernetes, Butane), a service-account key (user _json_key, the key file as password) never expires: keep it as safe as a password and rotate it.',
				lifetimeSeconds: HOUR,
				keepFresh:
					'On GKE, nodes pull from Artifact Registry with their service account (auth-provider-gcp), with no Secret; elsewhere, External Secrets Operator’s GCRAccessToken generator refreshes the Secret; or use a service-account key instead (--gar-key-file, long-lived); or re-run regauth within the hour.',
				helper: GCLOUD_HELPER,
				tokenCommand: {
					file: 'gcloud',
					args: ['auth', 'print-access-token'],
					output: 'text',
					install: 'Install the Google Cloud CLI (https://cloud.google.com/sdk/docs/install)',
					login: 'gcloud auth login',
					notLoggedIn: /do not currently have an active account|gcloud auth login|Reauthentication required|refresh token.*(expired|revoked)/i,
				},
			};
		case 'acr':
			return {
				provider: 'acr',
				title: 'Azure Container Registry',
				username: '00000000-0000-0000-0000-000000000000',
				usernameHint:
					'00000000-0000-0000-0000-000000000000 with a token from az acr login; a service principal’s application ID; or a repository-scoped token’s name',
				tokenHint: `A token from az acr login --name ${recognised.name} --expose-token lasts 3 hours. For long-lived files, create a repository-scoped token (az acr token create --scope-map _repositories_pull) or a service principal with the AcrPull role, and use its name or ID and password.`,
				lifetimeSeconds: 3 * HOUR,
				keepFresh:
					'On AKS, attach the registry to the cluster (az aks update --attach-acr) and nodes pull with their identity, with no Secret; elsewhere, External Secrets Operator’s ACRAccessToken generator refreshes the Secret; or create a repository-scoped token (az acr token create --scope-map _repositories_pull), which lasts until you revoke it; or re-run regauth within 3 hours.',
				tokenCommand: {
					file: 'az',
					args: ['acr', 'login', '--name', recognised.name, '--expose-token', '--output', 'json'],
					output: {json: 'accessToken'},
					install: 'Install the Azure CLI (https://learn.microsoft.com/cli/azure/install-azure-cli; Debian: apt install azure-cli)',
					login: 'az login',
					notLoggedIn: /az login|No subscription found|AADSTS|token.*expired/i,
				},
			};
		case 'ghcr':
			return {
				provider: 'ghcr',
				title: 'GitHub Container Registry',
				usernameHint: 'your GitHub user name',
				tokenHint:
					'A personal access token (classic) with read:packages to pull, write:packages to push: https://github.com/settings/tokens/new?scopes=read:packages — fine-grained tokens are not supported. When gh is logged in with that scope, regauth can use its token.',
				tokenCommand: {
					file: 'gh',
					args: ['auth', 'token', '--hostname', 'github.com'],
					output: 'text',
					install: 'Install the GitHub CLI (https://cli.github.com; Debian: apt install gh)',
					login: 'gh auth login --scopes read:packages (or gh auth refresh -h github.com -s read:packages)',
					notLoggedIn: /no oauth token|not logged in|gh auth login/i,
				},
			};
		case 'gitlab':
			return {
				provider: 'gitlab',
				title: 'GitLab container registry',
				usernameHint: 'your GitLab user name, or the deploy token’s user name (gitlab+deploy-token-N)',
				tokenHint:
					'A deploy token (Settings → Repository → Deploy tokens) or a personal access token with read_registry to pull, write_registry to push. In GitLab CI, $CI_REGISTRY_USER and $CI_JOB_TOKEN work only while the job runs.',
			};
		case 'dockerhub':
			return {
				provider: 'dockerhub',
				title: 'Docker Hub',
				usernameHint: 'your Docker ID (or the organization name for an organization access token)',
				tokenHint:
					'A personal access token (https://app.docker.com/settings/personal-access-tokens), Read-only unless you push. Your account password also works, but a token can be scoped and revoked on its own.',
			};
		case 'quay':
			return {
				provider: 'quay',
				title: 'Quay',
				usernameHint: 'your Quay user, or a robot account as namespace+name',
				tokenHint:
					'A robot account (Organization → Robot Accounts) with read permission on the repositories; its token is the password. You can also import the file Quay offers for the robot.',
			};
		case 'other':
			return {
				provider: 'other',
				title: 'Registry',
				usernameHint: 'your user name',
				tokenHint: 'A password, or better a token the registry lets you create and revoke.',
			};
	}
}
