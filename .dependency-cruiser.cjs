/**
 * Layer boundaries of src/, as README ("Arkitektur") and /STYLE.md describe them, checked by
 * `npm run check:deps`. docs/architecture-checks.md explains each rule and why.
 *
 * Paths are relative to the repository root. "Layer" regexes accept both a file and a
 * folder of that name (src/logger.ts or src/logger/), so splitting a file does not break a rule.
 */

/** The project-wide logger: infrastructure for the outer layers, not for domain, app or cards. */
const LOGGER = '^src/logger(\\.ts$|/)';
/** Ports declared by app/ (interfaces that storage implements and scheduler uses). */
const APP_PORTS = '^src/app/ports(\\.ts$|/)';
/** The Bot Framework / Teams / HTTP SDKs that only the Teams edge and the wiring may know. */
const TEAMS_SDKS = '(^|/)node_modules/(@types/)?(botbuilder[^/]*|botframework-[^/]*|@microsoft/teams-ai|restify[^/]*)/';
/** npm packages the pure domain may use: no I/O, no clock, no SDK. */
const DOMAIN_PACKAGES = ['zod', 'date-holidays', 'temporal-polyfill', '@js-temporal/polyfill'];
/** Telemetry (Application Insights through OpenTelemetry): an adapter like storage, used by the wiring only. */
const TELEMETRY = '^src/telemetry(\\.ts$|/)';
/** The composition root: these files may import every layer. */
const WIRING = '^src/(server|wiring|main)\\.ts$';

/** `to` for "any project file except these". */
const srcExcept = (...allowed) => ({ path: '^src/', pathNot: allowed });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // ---- domain: pure rules -------------------------------------------------------------
    {
      name: 'domain-imports-only-domain',
      comment: 'src/domain holds the pure rules: it imports nothing of the project but src/domain.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: srcExcept('^src/domain/'),
    },
    {
      name: 'domain-only-pure-packages',
      comment: `src/domain may use only these npm packages: ${DOMAIN_PACKAGES.join(', ')}.`,
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        path: '(^|/)node_modules/',
        pathNot: DOMAIN_PACKAGES.map((p) => `(^|/)node_modules/(@types/)?${p}/`),
      },
    },
    {
      name: 'domain-no-node-builtins',
      comment: 'src/domain does no I/O and makes no ids: node:fs, node:crypto, node:net … belong to the outer layers.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'] },
    },

    // ---- app: use cases -------------------------------------------------------------------
    {
      name: 'app-imports-domain-and-app',
      comment:
        'src/app (use cases) imports src/domain and its own modules and ports only; storage, teams, scheduler, cards, config and the logger reach it through ports.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: srcExcept('^src/app/', '^src/domain/'),
    },

    // ---- storage: Azure Tables repositories ---------------------------------------------------
    {
      name: 'storage-imports-domain-and-app-ports',
      comment:
        'src/storage implements the ports of src/app with Azure Tables: it imports src/domain, src/app/ports and the logger; never teams, cards, scheduler, config or a use case.',
      severity: 'error',
      from: { path: '^src/storage/' },
      to: srcExcept('^src/storage/', '^src/domain/', APP_PORTS, LOGGER),
    },

    // ---- cards: pure Adaptive Card builders -----------------------------------------------------
    {
      name: 'cards-imports-domain-and-app-types',
      comment: 'src/cards are pure functions from domain values (and the result types of use cases) to card JSON: never storage, teams, scheduler, config or the logger.',
      severity: 'error',
      from: { path: '^src/cards/' },
      to: srcExcept('^src/cards/', '^src/domain/', '^src/app/'),
    },
    {
      name: 'cards-imports-app-types-only',
      comment: 'A card may name the result type of a use case (import type), but never call one: only type-only imports from src/app.',
      severity: 'error',
      from: { path: '^src/cards/' },
      to: { path: '^src/app/', dependencyTypesNot: ['type-only'] },
    },

    // ---- scheduler: due reminders (pure) and the runner (through ports) -----------------------
    {
      name: 'scheduler-imports-domain-app-ports-cards',
      comment: 'src/scheduler imports src/domain, src/app/ports, src/cards and the logger: never storage or teams (give it ports), and no use case or config.',
      severity: 'error',
      from: { path: '^src/scheduler/' },
      to: srcExcept('^src/scheduler/', '^src/domain/', APP_PORTS, '^src/cards/', LOGGER),
    },

    // ---- config: environment and organisation files -----------------------------------------------
    {
      name: 'config-imports-domain-only',
      comment: 'src/config parses the environment and organisation files into domain values: it imports src/domain only.',
      severity: 'error',
      from: { path: '^src/config/' },
      to: srcExcept('^src/config/', '^src/domain/'),
    },

    // ---- teams: the Teams edge --------------------------------------------------------------------
    {
      name: 'teams-imports-app-cards-domain',
      comment: 'src/teams translates: it imports src/app, src/cards, src/domain, the logger and (types only) src/config; never storage or scheduler.',
      severity: 'error',
      from: { path: '^src/teams/' },
      to: srcExcept('^src/teams/', '^src/app/', '^src/cards/', '^src/domain/', '^src/config/', LOGGER),
    },
    {
      name: 'teams-imports-config-types-only',
      comment: 'Configuration is parsed once at start-up and handed in by the wiring: src/teams may name its types only.',
      severity: 'error',
      from: { path: '^src/teams/' },
      to: { path: '^src/config/', dependencyTypesNot: ['type-only'] },
    },

    // ---- the logger --------------------------------------------------------------------------------
    {
      name: 'logger-imports-nothing-of-the-project',
      comment: 'The logger is a leaf: it imports no layer (otherwise every layer that logs depends on that layer).',
      severity: 'error',
      from: { path: LOGGER },
      to: { path: '^src/', pathNot: LOGGER },
    },

    // ---- SDKs ---------------------------------------------------------------------------------------------
    {
      name: 'teams-sdk-only-in-teams-and-wiring',
      comment:
        'Only src/teams/, src/server.ts, src/wiring.ts and src/main.ts know botbuilder*, botframework-*, @microsoft/teams-ai and restify, so a move to the newer Teams SDK touches src/teams/ and the wiring alone.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/teams/', WIRING] },
      to: { path: TEAMS_SDKS },
    },
    {
      name: 'azure-sdk-only-in-storage-and-wiring',
      comment:
        'One table client factory: only src/storage/ (and the wiring) know @azure/*; telemetry, an adapter too, knows @azure/monitor-opentelemetry and nothing else of @azure.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/storage/', WIRING] },
      to: { path: '(^|/)node_modules/@azure/', pathNot: '(^|/)node_modules/@azure/monitor-opentelemetry/' },
    },
    {
      name: 'azure-monitor-only-in-telemetry',
      comment: 'Application Insights is started and fed in one place: only src/telemetry knows @azure/monitor-opentelemetry.',
      severity: 'error',
      from: { path: '^src/', pathNot: [TELEMETRY] },
      to: { path: '(^|/)node_modules/@azure/monitor-opentelemetry/' },
    },
    {
      name: 'telemetry-only-from-wiring',
      comment:
        "Telemetry is an adapter: the wiring (and src/instrument.ts, which starts it before the SDKs load) hands it in behind ports (SweepMetrics, the logger's error sink); no layer imports it.",
      severity: 'error',
      from: { path: '^src/', pathNot: [WIRING, '^src/instrument\\.ts$', TELEMETRY] },
      to: { path: TELEMETRY },
    },

    // ---- general ----------------------------------------------------------------------------------------
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only imports included: a cycle means two modules are one module, or a type lives in the wrong file.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'src-not-to-tests-or-bench',
      comment: 'Production code never imports test or benchmark code.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tests|bench)/' },
    },
    {
      name: 'src-not-to-dev-dependencies',
      comment: 'src/ runs in production, where devDependencies are not installed (type-only imports are erased and therefore allowed).',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve to a file or an installed package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      comment: 'An npm package that package.json does not declare works by accident (a transitive dependency).',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage)/' },
    // type-only imports count: they are architecture too, and the sweep <-> planners cycle is one
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
