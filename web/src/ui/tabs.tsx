// Sub-navigation inside a portal: real links (so each view has its own URL), current one marked.
import { Link } from '../lib/router.tsx';

export function Tabs({
  label,
  items,
  current,
}: {
  label: string;
  items: Array<{ to: string; text: string }>;
  current: string;
}) {
  return (
    <nav aria-label={label}>
      <ul className="kb-tabs">
        {items.map((i) => (
          <li key={i.to}>
            <Link to={i.to} className="kb-tab" current={current === i.to}>
              {i.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
