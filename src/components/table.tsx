// The house table cells: dense, readable rows for people who scan many patients.
export function Th({ children, numeric = false }: { children?: React.ReactNode; numeric?: boolean }) {
  return (
    <th scope="col" className={`px-3 py-2 font-medium ${numeric ? "text-right" : ""}`}>
      {children}
    </th>
  );
}

export function Td({ children, numeric = false }: { children?: React.ReactNode; numeric?: boolean }) {
  return <td className={`px-3 py-1.5 ${numeric ? "text-right tabular-nums" : ""}`}>{children}</td>;
}
