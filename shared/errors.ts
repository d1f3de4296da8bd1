/**
 * Stable error codes with their Chinese messages. Codes never change meaning; the renderer
 * translates by code (see renderer/src/i18n), the core sends the Chinese text as a fallback.
 */
export const errorMessages = {
  INVALID_INPUT: '输入的内容不符合要求',
  UNKNOWN_CHANNEL: '不支持的操作',
  FORBIDDEN_SENDER: '请求来源不受信任，已拒绝',
  INTERNAL: '程序内部错误，操作未完成，数据未改动',
  VAULT_MISSING: '尚未建立数据库，请先完成初始设置',
  VAULT_EXISTS: '数据库已存在，不能重复初始化',
  VAULT_CORRUPT: '数据库文件已损坏或不是本系统的数据库',
  VAULT_KEY_MISMATCH: '密钥文件与数据库不匹配，无法打开',
  VAULT_TOO_NEW: '数据库由更新版本的程序创建，请升级本程序后再打开',
  VAULT_BUSY: '数据库正被另一个程序使用',
  MIGRATION_FAILED: '数据库升级失败，原数据库未改动',
  KEYFILE_CORRUPT: '密钥文件已损坏，无法读取',
  NOT_SIGNED_IN: '请先登录',
  LOCKED: '工作台已锁定，请输入密码解锁',
  WRONG_CREDENTIALS: '用户名或密码错误',
  SIGNIN_THROTTLED: '登录失败次数过多，请稍后再试',
  ACCOUNT_DISABLED: '该账号已停用，请联系系统管理员',
  WRONG_RECOVERY_KEY: '恢复密钥不正确',
  RECOVERY_ADMIN_ONLY: '恢复密钥只能用于重设系统管理员的密码',
  WEAK_PASSWORD: '密码至少8位，且须包含字母和数字',
  WRONG_PASSWORD: '当前密码不正确',
  PERMISSION_DENIED: '当前角色无权进行此操作',
  USERNAME_TAKEN: '该用户名已被使用',
  ACCOUNT_NOT_FOUND: '账号不存在',
  LAST_ADMIN: '至少要保留一个可用的系统管理员账号',
  SELF_CHANGE_FORBIDDEN: '不能停用自己的账号或更改自己的角色',
  NOT_FOUND: '记录不存在',
} as const;

export type ErrorCode = keyof typeof errorMessages;

export const errorCodes = Object.keys(errorMessages) as ErrorCode[];
