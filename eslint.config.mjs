// ESLint for the sources (npm run lint): @eslint/js and typescript-eslint recommended,
// type-checked for the TypeScript (promises that float or are misused are the bugs that
// matter in a Hexo filter), with the hexojs conventions that fit the code as written.
import { defineConfig } from 'eslint/config';
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Built output and the demo site (a package of its own).
    ignores: ['dist/', 'example/']
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' }
  },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each file with its nearest tsconfig.json: ./ or test-browser/.
        projectService: true,
        tsconfigRootDir: import.meta.dirname
      }
    },
    rules: {
      // hexojs: unused arguments are fine (a callback's signature, a parameter kept for the
      // callers' symmetry); `const { a: _a, ...rest } = x` is how a key is left out.
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', ignoreRestSiblings: true }],
      // Config values, page text and terminal output are checked for control characters on purpose.
      'no-control-regex': 'off',
      // `String(value ?? '')` quotes what the user wrote in a message, whatever it is.
      '@typescript-eslint/no-base-to-string': 'off',
      // Its contextual checks flag the deliberate widenings (`'footer' as Position` in the
      // frozen DEFAULTS, `as fc.Arbitrary<'en' | 'zh'>`), whose removal changes declared types.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // The objects here are records of functions that never use `this`; methods saved and
      // put back (stdout.write, Buffer.prototype in the work counters) are meant.
      '@typescript-eslint/unbound-method': 'off'
    }
  },
  {
    // Hexo's declarations type its promises as Bluebird's without its types installed, so
    // what a console, a deployer or hexo.render returns is an error type (`any`) to the
    // checker; tsc accepts it with skipLibCheck.
    files: ['lib/hexo/**/*.ts', 'test/**/*.site.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off'
    }
  },
  {
    // parse5 is loaded when first needed, so its NS enum is compared with the namespace's string.
    files: ['lib/line/inject.ts'],
    rules: { '@typescript-eslint/no-unsafe-enum-comparison': 'off' }
  },
  {
    files: ['test/**/*.ts', 'test-browser/**/*.ts'],
    rules: {
      // hexojs (ts-test): chai's `expect(x).to.be.true` is an expression.
      '@typescript-eslint/no-unused-expressions': 'off',
      // The patterns match Hexo's log lines as printed (`WARN  beian.icp: ...`).
      'no-regex-spaces': 'off'
    }
  },
  {
    // CommonJS scripts run by node (scripts/demo.js) and this file: no type information.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' }
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module' }
  }
);
