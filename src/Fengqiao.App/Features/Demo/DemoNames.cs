namespace Fengqiao.Features.Demo;

/// <summary>
/// Plausible Chinese names with their pinyin, drawn from one seeded <see cref="Random"/>. Never
/// produces the name of a person from the article or of a demo account, so those stay unique.
/// </summary>
internal sealed class DemoNames(Random rng)
{
    private static readonly Bilingual[] Surnames =
    [
        new("王", "Wang"), new("李", "Li"), new("张", "Zhang"), new("刘", "Liu"), new("陈", "Chen"),
        new("杨", "Yang"), new("赵", "Zhao"), new("黄", "Huang"), new("周", "Zhou"), new("吴", "Wu"),
        new("徐", "Xu"), new("孙", "Sun"), new("胡", "Hu"), new("朱", "Zhu"), new("高", "Gao"),
        new("林", "Lin"), new("何", "He"), new("郭", "Guo"), new("马", "Ma"), new("罗", "Luo"),
        new("梁", "Liang"), new("宋", "Song"), new("郑", "Zheng"), new("谢", "Xie"), new("韩", "Han"),
        new("唐", "Tang"), new("冯", "Feng"), new("于", "Yu"), new("董", "Dong"), new("程", "Cheng"),
        new("曹", "Cao"), new("袁", "Yuan"), new("邓", "Deng"), new("许", "Xu"), new("傅", "Fu"),
        new("沈", "Shen"), new("彭", "Peng"), new("吕", "Lv"), new("苏", "Su"), new("卢", "Lu"),
        new("蒋", "Jiang"), new("蔡", "Cai"), new("贾", "Jia"), new("丁", "Ding"), new("魏", "Wei"),
        new("薛", "Xue"), new("叶", "Ye"), new("姜", "Jiang"), new("崔", "Cui"), new("金", "Jin"),
        new("朴", "Piao"), new("孟", "Meng"), new("范", "Fan"), new("白", "Bai"), new("关", "Guan"),
        new("尹", "Yin"), new("邢", "Xing"), new("石", "Shi"), new("任", "Ren"), new("侯", "Hou"),
    ];

    private static readonly Bilingual[] GivenNames =
    [
        new("伟", "Wei"), new("芳", "Fang"), new("娜", "Na"), new("敏", "Min"), new("静", "Jing"),
        new("丽", "Li"), new("强", "Qiang"), new("磊", "Lei"), new("军", "Jun"), new("洋", "Yang"),
        new("勇", "Yong"), new("艳", "Yan"), new("杰", "Jie"), new("涛", "Tao"), new("明", "Ming"),
        new("超", "Chao"), new("丹", "Dan"), new("鑫", "Xin"), new("颖", "Ying"), new("蕾", "Lei"),
        new("秀英", "Xiuying"), new("桂英", "Guiying"), new("建华", "Jianhua"), new("建国", "Jianguo"),
        new("志强", "Zhiqiang"), new("海燕", "Haiyan"), new("春梅", "Chunmei"), new("红梅", "Hongmei"),
        new("玉兰", "Yulan"), new("立新", "Lixin"), new("国庆", "Guoqing"), new("文博", "Wenbo"),
        new("子涵", "Zihan"), new("宇航", "Yuhang"), new("思远", "Siyuan"), new("佳怡", "Jiayi"),
        new("欣然", "Xinran"), new("浩然", "Haoran"), new("俊杰", "Junjie"), new("雪梅", "Xuemei"),
        new("丽华", "Lihua"), new("德明", "Deming"), new("振华", "Zhenhua"), new("永刚", "Yonggang"),
        new("晓光", "Xiaoguang"), new("鹏飞", "Pengfei"), new("海涛", "Haitao"), new("金凤", "Jinfeng"),
        new("秀梅", "Xiumei"), new("淑珍", "Shuzhen"), new("凤霞", "Fengxia"), new("宏伟", "Hongwei"),
        new("亚楠", "Yanan"), new("雨欣", "Yuxin"), new("博文", "Bowen"), new("天宇", "Tianyu"),
        new("明辉", "Minghui"), new("东升", "Dongsheng"), new("冬梅", "Dongmei"), new("晓峰", "Xiaofeng"),
        new("春雨", "Chunyu"), new("长林", "Changlin"), new("玉珍", "Yuzhen"), new("庆丰", "Qingfeng"),
        new("志刚", "Zhigang"), new("丽娟", "Lijuan"), new("树林", "Shulin"), new("海波", "Haibo"),
    ];

    /// <summary>Everyone the article or a demo account names.</summary>
    private static readonly HashSet<string> Reserved =
    [
        "吴辉", "吴金玉", "王明雪", "张春民", "魏东", "邢云", "张野", "于海波", "吕阳", "褚晓东", "贺志亮",
        "李振国", "刘晓燕", "陈静",
    ];

    public Bilingual Next()
    {
        while (true)
        {
            var surname = Surnames[rng.Next(Surnames.Length)];
            var given = GivenNames[rng.Next(GivenNames.Length)];
            var zh = surname.Zh + given.Zh;
            if (!Reserved.Contains(zh))
            {
                return new Bilingual(zh, surname.En + " " + given.En);
            }
        }
    }
}
