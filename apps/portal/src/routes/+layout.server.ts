import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
  const user = locals.user;
  return {
    locale: locals.locale,
    user: user && {
      name: user.name,
      email: user.email,
      roles: [...new Set(user.memberships.map((m) => m.role))],
      companyId: user.memberships.find((m) => m.role === 'entrepreneur')?.companyId ?? null,
    },
  };
};
