// js-yaml is the YAML parser of Astro's content loader (installed with astro, without types);
// tests use it to check that written files read the same in the site as in the scripts.
declare module 'js-yaml' {
	const jsyaml: { load(text: string): unknown };
	export default jsyaml;
}
