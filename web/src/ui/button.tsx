import type { ButtonHTMLAttributes } from 'react';

type Appearance = 'primary' | 'secondary' | 'subtle';

export function Button({
  appearance = 'secondary',
  busy,
  className,
  type = 'button',
  children,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { appearance?: Appearance; busy?: boolean }) {
  const classes = [
    'utrecht-button',
    `utrecht-button--${appearance === 'subtle' ? 'subtle' : `${appearance}-action`}`,
  ];
  if (busy) classes.push('utrecht-button--busy');
  if (className) classes.push(className);
  return (
    <button type={type} className={classes.join(' ')} aria-busy={busy || undefined} {...rest}>
      {children}
    </button>
  );
}

export function ButtonGroup({ children }: { children: React.ReactNode }) {
  return <div className="utrecht-button-group kb-button-group">{children}</div>;
}
