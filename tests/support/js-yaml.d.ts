// js-yaml is the YAML parser of Astro's content loader. It is a devDependency in the range
// Astro asks for (so it is the very copy Astro loads); it ships no types, hence this
// declaration. Tests use it to check that written files read the same in the site as in the scripts.
declare module 'js-yaml' {
	const jsyaml: { load(text: string): unknown };
	export default jsyaml;
}
