// Types of scripts/electron-binding.mjs, for the TypeScript tests that use it.
export declare const BINDING_DIR: string
export declare const BINDING_FILE: string
export declare const STAMP_FILE: string
export declare const SQLITE_PACKAGE: string

export interface BindingStamp {
  electron: string
  abi: string | null
  package: string
  platform: string
  arch: string
}

export interface BindingPlan {
  root: string
  electronVersion: string
  abi: string | null
  packageDir: string
  packageVersion: string
  platform: string
  arch: string
  dir: string
  file: string
  stamp: BindingStamp
  prebuild: { bin: string; args: string[] }
  rebuild: {
    electronVersion: string
    arch: string
    onlyModules: string[]
    force: boolean
    buildFromSource: boolean
  }
}

export declare function bindingPlan(root?: string, target?: { platform?: string; arch?: string }): BindingPlan
export declare function isPrepared(plan: BindingPlan): boolean
export declare function verifyInElectron(
  plan: BindingPlan,
  candidate: string,
):
  | { ok: true; electron: string; modules: string; sqlite: string; cipher: string }
  | { ok: false; reason: string }
export declare function prepareBinding(
  plan: BindingPlan,
  options?: {
    force?: boolean
    verify?: boolean
    localPrebuilds?: string | null
    log?: (message: string) => void
    stdio?: 'inherit' | 'ignore' | 'pipe'
  },
): Promise<{ source: 'reused' | 'prebuilt' | 'compiled'; file: string }>
