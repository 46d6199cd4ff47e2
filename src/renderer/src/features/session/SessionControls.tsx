import { useState } from 'react'
import { Button, Tooltip } from '@mantine/core'
import { useAppStatus } from '../../app/AppContext'
import { lockNow } from './IdleLock'
import { ChangePasswordModal } from './ChangePasswordModal'

/** In the header: change your own password, and lock the window when you walk away (Ctrl+L). */
export function SessionControls() {
  const { refresh } = useAppStatus()
  const [changing, setChanging] = useState(false)
  return (
    <>
      <Button variant="subtle" size="xs" onClick={() => setChanging(true)}>
        Wachtwoord wijzigen
      </Button>
      <Tooltip label="Sneltoets: Ctrl+L">
        <Button variant="default" size="xs" onClick={() => void lockNow(refresh)}>
          Vergrendelen
        </Button>
      </Tooltip>
      {changing && <ChangePasswordModal onClose={() => setChanging(false)} />}
    </>
  )
}
