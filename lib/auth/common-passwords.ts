/**
 * Passwords too common to accept (checked lower-cased). A short hand-picked list of the passwords
 * that lead the published leak statistics, English and Chinese, plus the families they come in
 * (repeated and sequential digits, keyboard rows, pinyin names and love numbers with the usual
 * suffixes, years). Built once per process: a few thousand entries in a Set.
 */
const LISTED = `
123456 123456789 12345678 1234567890 12345 1234567 111111 000000 123123 123321 654321 666666 888888
112233 121212 123654 147258 159357 159753 741852 963852 789456 456789 987654 520520 521521 5201314
1314520 1314521 5211314 147258369 123456789a 1234567890a 12345678910 1234qwer qwer1234 1q2w3e4r
1q2w3e4r5t 1qaz2wsx 1qaz2wsx3edc 2wsx3edc qazwsx qazwsxedc qweasdzxc zaq12wsx zxcvbnm zxcvbnm123
qwerty qwerty123 qwertyuiop qwertyuiop123 asdfghjkl asdfgh asdf1234 abc123 abc12345 abc123456
abcd1234 abcd123456 a123456 a12345678 a123456789 aa123456 aa12345678 qq123456 qq5201314 q123456
q1w2e3r4 q1w2e3r4t5 password password1 password12 password123 password1234 passw0rd p@ssw0rd
p@ssword p@ssword123 admin admin123 admin1234 admin12345 admin123456 administrator root123 root123456
test1234 test123456 guest123 welcome welcome1 welcome123 letmein letmein123 iloveyou iloveyou1
iloveyou123 iloveu1314 loveyou1314 sunshine princess football baseball dragon monkey master
shadow michael superman batman trustno1 whatever starwars freedom hello123 hello123456 changeme
changeme123 default123 secret123 computer internet 11111111 00000000 88888888 66666666 99999999
12341234 11223344 1111111111 0000000000 8888888888 12121212 aaaaaaaa aaaaaaaaaa woaini woaini1314
woaini520 woaini521 woaini123 woaini123456 woaini5201314 woaiwojia aini1314 aini520 wobuzhidao
iloveyou520 nihao123 nihao123456 zhongguo zhongguo123 beijing beijing123 shanghai shanghai123
shenzhen123 guangzhou123 xiaoming xiaoming123 huawei123 xiaomi123 baidu123 tencent123 taobao123
kewu kewu123 kewu1234 kewu12345 kewu123456 kewu2026 kewu@2026 kewu@123 kewu@123456 wuye123456
wuye12345678 kefu123456 kefu12345678 abcdefg abcdefgh abcdefghij 147852369 987654321 9876543210
135792468 246813579 1357924680 7758521 5201314520 13145201314 lovelove 1314woaini woaiwolaopo
woaiwolaogong laopo520 laogong520 baobei520 baobei1314 qwe123 qwe123456 qwe123qwe asd123 asd123456
zxc123 zxc123456 zxc123zxc 123qwe 123qweasd 123qweasdzxc 123asd 123abc 123456abc 123456qwe
123456aa 123456qq 123456asd a1b2c3d4 a1b2c3d4e5 1a2b3c4d aaa111 aaa123456 abc123abc
`;

const SURNAMES =
  "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lv ding ren shen yao lu jiang cui zhong tan qiu".split(
    " ",
  );
const WORDS =
  "woaini aini love iloveyou baobei laopo laogong qq admin user test pass password welcome hello china abc qwe asd zxc kewu wuye kefu".split(
    " ",
  );
const SUFFIXES = [
  "",
  "1",
  "12",
  "123",
  "1234",
  "12345",
  "123456",
  "12345678",
  "123456789",
  "888",
  "888888",
  "666",
  "666666",
  "520",
  "521",
  "1314",
  "5201314",
  "@123",
  "@123456",
  "!",
  "!@#",
];

function build(): Set<string> {
  const set = new Set(LISTED.split(/\s+/).filter(Boolean));
  for (const base of [...SURNAMES, ...WORDS]) for (const suffix of SUFFIXES) set.add(base + suffix);
  // The same digit repeated, and runs up and down the digit row, 6 to 16 long.
  for (let len = 6; len <= 16; len++) {
    for (let d = 0; d <= 9; d++) set.add(String(d).repeat(len));
    const up = "01234567890123456789";
    const down = "98765432109876543210";
    for (let i = 0; i < 10; i++) {
      set.add(up.slice(i, i + len));
      set.add(down.slice(i, i + len));
    }
  }
  // Years and year-like suffixes on the commonest words.
  for (let year = 1960; year <= 2035; year++) {
    for (const base of ["", ...WORDS.slice(0, 12), ...SURNAMES.slice(0, 20)]) set.add(`${base}${year}`);
  }
  return set;
}

let cached: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  cached ??= build();
  return cached.has(password.trim().toLowerCase());
}

/** Size of the list, for the tests. */
export function commonPasswordCount(): number {
  cached ??= build();
  return cached.size;
}
