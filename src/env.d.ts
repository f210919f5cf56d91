/// <reference types="astro/client" />

// Plain tsc (npm run typecheck) does not know .astro files; Astro's own tooling types them fully.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
