import { SubmitButton } from "@/modules/forms/components/form-status";
import { logoutAction } from "../actions";

/**
 * "Logga ut": a form posted to a server action (works without JavaScript, and
 * keeps next-auth's browser client off every page).
 */
export function LogoutButton() {
  return (
    <form action={logoutAction}>
      <SubmitButton tone="quiet" pendingText="Loggar ut…">
        Logga ut
      </SubmitButton>
    </form>
  );
}
