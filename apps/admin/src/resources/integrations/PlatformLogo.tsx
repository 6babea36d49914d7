import { Avatar } from '@mui/material';
import { useState } from 'react';

export interface PlatformLogoProps {
  name: string;
  logoUrl?: string | null;
  size?: number;
  /** Empty when the name is written right beside the logo. */
  alt?: string;
}

/** An integration's logo from Codat, or its initials when there is none or it fails to load. */
export function PlatformLogo({ name, logoUrl, size = 28, alt = `${name} logo` }: PlatformLogoProps) {
  const [failed, setFailed] = useState(false);
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');
  if (!logoUrl || failed) {
    return (
      <Avatar role={alt ? 'img' : undefined} aria-label={alt || undefined} aria-hidden={alt ? undefined : true} sx={{ width: size, height: size, fontSize: size * 0.4, bgcolor: 'grey.700' }}>
        {initials}
      </Avatar>
    );
  }
  return (
    <Avatar
      src={logoUrl}
      alt={alt}
      variant="rounded"
      slotProps={{ img: { onError: () => setFailed(true), loading: 'lazy' } }}
      sx={{ width: size, height: size, bgcolor: 'transparent' }}
    />
  );
}
