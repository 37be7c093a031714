// Lint: typescript-eslint (type-aware) plus the Power Apps checker rules. Every checker rule is
// pinned at error so a change of the preset cannot relax it; `npm run lint` allows no warnings.
import js from "@eslint/js";
import powerApps from "@microsoft/eslint-plugin-power-apps";
import tseslint from "typescript-eslint";

const checkerRules = Object.fromEntries(
    Object.keys(powerApps.configs.paCheckerHosted.rules).map((rule) => [rule, "error"]),
);

export default tseslint.config(
    { ignores: ["dist/", "node_modules/", "test-output/"] },
    js.configs.recommended,
    {
        files: ["**/*.ts"],
        extends: [...tseslint.configs.strictTypeChecked],
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        rules: {
            eqeqeq: "error",
            "no-eval": "error",
            "no-implied-eval": "off",
            "@typescript-eslint/no-implied-eval": "error",
            "no-alert": "error",
            "no-console": "error",
            "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
        },
    },
    {
        files: ["src/**/*.ts"],
        plugins: { "@microsoft/power-apps": powerApps },
        settings: powerApps.configs.paCheckerHosted.settings,
        rules: {
            ...powerApps.configs.paCheckerHosted.rules,
            ...checkerRules,
            "no-restricted-syntax": [
                "error",
                {
                    selector: "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]",
                    message: "Write data as text (textContent), never as markup.",
                },
                {
                    selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/]",
                    message: "Build elements and set textContent instead.",
                },
                { selector: "MemberExpression[object.name='Xrm'][property.name='Page']", message: "Use executionContext.getFormContext()." },
                { selector: "MemberExpression[property.name=/^(top|parent|opener)$/][object.name='window']", message: "Do not reach outside the web resource." },
            ],
        },
    },
    {
        // Form scripts must never touch the form's DOM, whether or not a file mentions Xrm.
        files: ["src/contactform/**/*.ts", "src/accountform/**/*.ts", "src/shared/**/*.ts"],
        rules: {
            "@microsoft/power-apps/avoid-dom-form": ["error", { requireXrm: false }],
            "@microsoft/power-apps/avoid-dom-form-event": ["error", { requireXrm: false }],
            "@microsoft/power-apps/use-utility-dialogs": ["error", { requireXrm: false }],
            "no-restricted-globals": [
                "error",
                { name: "document", message: "Form scripts use the Client API, never the DOM." },
                { name: "window", message: "Form scripts use the Client API, never window." },
                { name: "parent", message: "Do not assume the parent is the form." },
                { name: "top", message: "Do not use window.top." },
            ],
        },
    },
    {
        files: ["tests/**/*.ts"],
        rules: {
            "@typescript-eslint/no-non-null-assertion": "off",
            "@typescript-eslint/unbound-method": "off",
        },
    },
    {
        files: ["**/*.mjs"],
        languageOptions: {
            globals: { console: "readonly", process: "readonly", Buffer: "readonly", URL: "readonly", performance: "readonly" },
        },
    },
    {
        // Functions passed to page.evaluate run inside the browser page.
        files: ["tests/browser/**/*.mjs"],
        languageOptions: { globals: { window: "readonly", document: "readonly", getComputedStyle: "readonly" } },
    },
);
