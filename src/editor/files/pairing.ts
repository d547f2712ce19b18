// Pairs among the listed images, by name, as `cellgraph run --pair ROLE=TEMPLATE` pairs the files of a
// folder: each image gets the listed file its template names as that role (from the same added folder,
// if it came with one), and a file that is some file's pair is not an image to run on its own. A pair
// is a listed file.
import { pairedFileName, ROLE_PATTERN, type PairRule } from '../../io/paired-source';

export type { PairRule };

/** The rule the Pair files panel starts with: the usual ground truth beside each image. */
export const FIRST_PAIR_RULE: PairRule = { role: 'truth', template: '{stem}_mask.tif' };

export interface PairedImage<T> {
  file: T;
  /** Role → the listed file paired with it (the newest listed of that name, if several). */
  paired: Record<string, T>;
  /** Role → the name its rule looks for, when no listed file has it. */
  missing: Record<string, string>;
}

export interface Pairing<T> {
  /** The files run as images (not some file's pair), in list order, each with its pairs. */
  images: PairedImage<T>[];
  /** The listed files that are some file's pair, by hash: which role of which file, and whether a run uses it. */
  pairs: Map<string, { role: string; of: T; used: boolean }>;
  /** Per rule (same order): why it is not applied, or undefined when it is. */
  problems: (string | undefined)[];
}

/** Why a rule cannot be applied to these files, or undefined. `earlier`: the rules before it. */
export function pairRuleProblem(rule: PairRule, earlier: PairRule[], files: { name: string }[]): string | undefined {
  const { role, template } = rule;
  if (role.trim() === '') return 'Name the role, e.g. truth (the Role of Load paired image).';
  if (!ROLE_PATTERN.test(role)) return `'${role}' is not a role name: letters, digits, _ and - only.`;
  if (earlier.some((r) => r.role === role)) return `Another rule above already pairs the ${role} files.`;
  if (template.trim() === '') return 'Give the paired file name, e.g. {stem}_mask.tif.';
  if (/[/\\]/.test(template)) return 'A name without folders: the paired file must be one of the listed images.';
  // a fixed name (no {stem}) is one file for every image, not run itself: only {stem} can pair a file with itself
  const self = template.includes('{stem}') ? files.find((f) => pairedFileName(f.name, template) === f.name) : undefined;
  if (self) return `This pairs ${self.name} with itself.`;
  return undefined;
}

/** The images and their pairs under `rules` (the rules with a problem are left out). */
export function pairByName<T extends { name: string; hash: string; folder?: string }>(files: T[], rules: PairRule[]): Pairing<T> {
  const problems = rules.map((rule, i) => pairRuleProblem(rule, rules.slice(0, i), files));
  const applied = rules.filter((_, i) => problems[i] === undefined);
  // a file is known by its added folder and its name: the pair of Pos1/a.tif is Pos1/a_mask.tif
  const key = (folder: string | undefined, name: string) => `${folder ?? ''}\u0000${name}`;
  const partners = new Set(files.flatMap((f) => applied.map((rule) => key(f.folder, pairedFileName(f.name, rule.template)))));
  const pairs: Pairing<T>['pairs'] = new Map();
  const images = files
    .filter((f) => !partners.has(key(f.folder, f.name)))
    .map((file) => {
      const image: PairedImage<T> = { file, paired: {}, missing: {} };
      for (const rule of applied) {
        const name = pairedFileName(file.name, rule.template);
        const named = files.filter((f) => f.name === name && f.folder === file.folder);
        const newest = named[named.length - 1];
        if (newest) image.paired[rule.role] = newest;
        else image.missing[rule.role] = name;
        for (const f of named) if (!pairs.has(f.hash)) pairs.set(f.hash, { role: rule.role, of: file, used: f === newest });
      }
      return image;
    });
  // files named as the pair of a file that is itself a pair (a_mask_mask.tif): set aside, not used
  for (const file of files) {
    for (const rule of applied) {
      const name = pairedFileName(file.name, rule.template);
      for (const f of files) if (f.name === name && f.folder === file.folder && !pairs.has(f.hash)) pairs.set(f.hash, { role: rule.role, of: file, used: false });
    }
  }
  return { images, pairs, problems };
}

/**
 * The image a run reads when `hash` is the one chosen: itself when it is an image, the image it is the
 * pair of (a dropped mask selects its image), else the first image.
 */
export function runImageOf<T extends { hash: string }>(pairing: Pairing<T>, hash: string | undefined): PairedImage<T> | undefined {
  const owner = hash === undefined ? undefined : pairing.pairs.get(hash)?.of.hash;
  return pairing.images.find((i) => i.file.hash === hash) ?? pairing.images.find((i) => i.file.hash === owner) ?? pairing.images[0];
}

/** Rules read back from an autosave: anything but a list of {role, template} strings is no rules. */
export function restorePairRules(saved: unknown): PairRule[] {
  if (!Array.isArray(saved)) return [];
  return saved
    .filter((r): r is PairRule => typeof r === 'object' && r !== null && typeof r.role === 'string' && typeof r.template === 'string')
    .map(({ role, template }) => ({ role, template }));
}

/** `rules` with `wanted` set: a rule of the same role is replaced, others kept, new ones added at the end. */
export function withPairRules(rules: PairRule[], wanted: PairRule[]): PairRule[] {
  const next = rules.map((r) => wanted.find((w) => w.role === r.role) ?? r);
  return [...next, ...wanted.filter((w) => !rules.some((r) => r.role === w.role))];
}
