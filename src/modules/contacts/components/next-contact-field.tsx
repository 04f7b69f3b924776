"use client";
// The next planned contact, suggested until the user sets it: a week after a
// reached contact with the patient, the next day after an attempt, none after
// a contact with another actor (it does not move the patient's plan).
import { useState } from "react";
import { addDays, isLocalDate } from "@/lib/local-date";
import { submittedValue, type ActionState } from "@/modules/forms/action-state";
import { Field } from "@/modules/forms/components/field";

type Next = { value: string; touched: boolean };

export function useNextContact(state: ActionState<unknown>, name: string, today: string) {
  const [next, setNext] = useState<Next>(() => {
    const sent = submittedValue(state, name);
    return sent !== undefined ? { value: sent, touched: true } : { value: addDays(today, 7), touched: false };
  });
  /** A new suggestion for a contact on `date`, unless the user has set one. */
  const suggest = (date: string, { reached = true, withPatient = true } = {}) => {
    if (next.touched) return;
    if (!withPatient) setNext({ value: "", touched: false });
    else if (isLocalDate(date)) setNext({ value: addDays(date, reached ? 7 : 1), touched: false });
  };
  return { next, setNext, suggest };
}

export function NextContactField({
  name,
  state,
  next,
  setNext,
}: {
  name: string;
  state: ActionState<unknown>;
  next: Next;
  setNext: (next: Next) => void;
}) {
  return (
    <Field
      name={name}
      label="Nästa planerade kontakt"
      hint="ÅÅÅÅ-MM-DD; förslag: en vecka efter ett samtal, dagen efter ett försök"
      value={next.value}
      onChange={(e) => setNext({ value: e.currentTarget.value, touched: true })}
      inputMode="numeric"
      autoComplete="off"
      state={state}
    />
  );
}
