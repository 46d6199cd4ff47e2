import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach, beforeEach, expect } from 'vitest'
import { followAppClock } from '../components/localDate'
import { currentBackend, setBackend } from './fake-backend'

// A screen's answer may take a while on a loaded machine: findBy* waits up to 5 s, not 1 s.
configure({ asyncUtilTimeout: 5_000 })

// jsdom lacks what Mantine measures with (its own test set-up does the same).
const { getComputedStyle } = window
window.getComputedStyle = (element) => getComputedStyle(element)
window.HTMLElement.prototype.scrollIntoView = () => undefined
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
})
// Textarea's autosize listens for web fonts being loaded.
Object.defineProperty(document, 'fonts', {
  value: {
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    ready: Promise.resolve(),
  },
})
window.ResizeObserver = class {
  observe() {}
  unobserve() {}
  disconnect() {}
}

// The renderer reaches main only through this bridge (api/client.ts); here it leads to the
// test's fake backend.
window.langeAdem = {
  call: (method, input) => {
    const backend = currentBackend()
    if (!backend) throw new Error(`${method} was called outside a rendered test`)
    return backend.call(method, input)
  },
}

beforeEach(() => {
  window.location.hash = ''
  sessionStorage.clear()
})

afterEach(() => {
  cleanup()
  // Back on this computer's clock for the next test.
  followAppClock(new Date().toISOString())
  const backend = currentBackend()
  setBackend(null)
  // A call the test did not expect fails it, even when the screen swallowed the error.
  expect(backend?.problems ?? []).toEqual([])
})
