// Makes a release tag for the GitHub Action: a commit on top of HEAD that adds the built
// dist/action/ (action.yml runs it, and GitHub runs an action straight from the tagged tree, with no
// build step), tagged TAG. main's history and the work tree are not touched: the commit is made
// with a throwaway index, so dist/ stays uncommitted on main (docs/ci.md §5).
//
//   node scripts/release-action.mjs v1.2.3 [--move v1]
//
// Then: git push origin v1.2.3 (and --force the moved major tag). The release workflow
// (.github/workflows/release-action.yml) runs exactly this after npm test.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const [tag, ...rest] = process.argv.slice(2);
const moveIndex = rest.indexOf('--move');
const major = moveIndex === -1 ? undefined : rest[moveIndex + 1];
if (!tag || !/^v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(tag) || (moveIndex !== -1 && !/^v\d+$/.test(major ?? ''))) {
	console.error('usage: node scripts/release-action.mjs vMAJOR.MINOR.PATCH [--move vMAJOR]');
	process.exit(2);
}
const git = (args, env = {}) => execFileSync('git', args, {encoding: 'utf8', env: {...process.env, ...env}}).trim();

if (git(['status', '--porcelain', '--untracked-files=no']) !== '') {
	console.error('release-action: the work tree has uncommitted changes; the tag must be HEAD plus the build, nothing else.');
	process.exit(1);
}
execFileSync(process.execPath, ['scripts/build.mjs'], {stdio: 'inherit'});

const scratch = mkdtempSync(join(tmpdir(), 'regauth-release-'));
try {
	const index = {GIT_INDEX_FILE: join(scratch, 'index')};
	git(['read-tree', 'HEAD'], index);
	// -f: dist/ is in .gitignore on main on purpose.
	git(['add', '-f', 'dist/action/main.js', 'dist/action/post.js'], index);
	const tree = git(['write-tree'], index);
	const commit = git(['commit-tree', tree, '-p', 'HEAD', '-m', `${tag}: the GitHub Action with its built dist/action/`]);
	git(['tag', '-a', tag, '-m', `regauth ${tag}`, commit]);
	if (major) git(['tag', '-f', '-a', major, '-m', `regauth ${major} (at ${tag})`, commit]);
	console.log(
		`release-action: ${tag}${major ? ` and ${major}` : ''} → ${commit.slice(0, 12)} (HEAD plus dist/action/). Push with: git push origin ${tag}${major ? ` && git push --force origin ${major}` : ''}`,
	);
} finally {
	rmSync(scratch, {recursive: true, force: true});
}
