import {
  createTheme,
  DEFAULT_THEME,
  Drawer,
  Modal,
  Notification,
  Pagination,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core'

/**
 * Mantine's palettes are bright: white on teal-6 is 2.55:1, red-6 text 3.28:1, the light badges
 * (shade 9 on shade 1) 3.8-4.3:1. WCAG 2.1 AA asks 4.5:1 for text and 3:1 for borders and focus
 * rings, so the shades the app draws text, filled buttons and badges with are darkened here, once,
 * and every screen follows:
 * - shade 7 (borders, icons): at least 3.2:1 on white;
 * - shade 8 (filled buttons and badges with white text, coloured text, links, outlines, focus
 *   ring; primaryShade below): at least 4.8:1 on white and 4.6:1 on its own shade 1;
 * - shade 9 (text of light badges, alerts and the active menu item, on shade 1): at least 5.6:1.
 * Shades 0-6 (backgrounds, hover) are Mantine's own. theme.test.ts measures every pair.
 */
function accessible(name: keyof typeof DEFAULT_THEME.colors, s7: string, s8: string, s9: string) {
  const base = DEFAULT_THEME.colors[name]!
  return [...base.slice(0, 7), s7, s8, s9] as unknown as MantineColorsTuple
}

export const ACCESSIBLE_COLORS = {
  teal: accessible('teal', '#0ca376', '#077956', '#076b4c'),
  red: accessible('red', '#f03e3e', '#c52b2b', '#ad2424'),
  orange: accessible('orange', '#f06407', '#b54509', '#a5370b'),
  yellow: accessible('yellow', '#c68100', '#9e5c00', '#954d00'),
  green: accessible('green', '#33a447', '#257b35', '#226c30'),
  blue: accessible('blue', '#1c7ed6', '#1768b2', '#165b9c'),
  cyan: accessible('cyan', '#1098ad', '#0a7485', '#0a6576'),
  grape: accessible('grape', '#ae3ec9', '#9935b1', '#852e9a'),
  pink: accessible('pink', '#d6336c', '#c0255b', '#a61e4d'),
  lime: accessible('lime', '#649e13', '#49790b', '#436c09'),
  violet: accessible('violet', '#7048e8', '#6741d9', '#5c3bbe'),
  indigo: accessible('indigo', '#4263eb', '#3a59d7', '#344cbf'),
}

/** Secondary text ("dimmed"): 4.9:1 or more on white, gray-0 and every light badge or alert. */
export const DIMMED = '#5c636a'
/** Placeholders in empty fields: 4.5:1 on white, lighter than a typed value. */
export const PLACEHOLDER = '#6c737a'

/** Error texts and field errors: red-8, 5.6:1 on white (Mantine draws them in red-6, 3.28:1). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': DIMMED,
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-placeholder': PLACEHOLDER,
  },
  dark: {},
})

const CLOSE = { 'aria-label': 'Sluiten' }

export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 8,
  colors: ACCESSIBLE_COLORS,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
  // Keyboard focus is always drawn (styles.css draws it on fields too).
  focusRing: 'auto',
  components: {
    // Every close button says what it does; a screen reader otherwise reads only "button".
    Modal: Modal.extend({ defaultProps: { closeButtonProps: CLOSE } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: CLOSE } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: CLOSE } }),
    Pagination: Pagination.extend({
      defaultProps: {
        getControlProps: (control) =>
          ({
            first: { 'aria-label': 'Eerste pagina' },
            last: { 'aria-label': 'Laatste pagina' },
            next: { 'aria-label': 'Volgende pagina' },
            previous: { 'aria-label': 'Vorige pagina' },
          })[control],
        getItemProps: (page) => ({ 'aria-label': `Pagina ${page}` }),
      },
    }),
  },
})
